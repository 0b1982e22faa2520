import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/store/db.ts'
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../../src/main/store/index.ts'
import { migrate } from '../../../../src/main/store/migrate.ts'
import initial from '../../../../src/main/store/migrations/001-initial.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-001-')
const objectNames = (db: Database.Database, type: string) =>
  db.prepare('SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE ? ORDER BY name').pluck().all(type, 'sqlite_%') as string[]

describe('migration 001 (initial)', () => {
  it('takes an empty file to schema version 1 with GraphKeep application_id and a recorded checksum', () => {
    const file = join(dir(), 'graph.db')
    const before = Date.now()
    const db = openDatabase(file)
    const after = Date.now()
    try {
      expect(initial.version).toBe(1)
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1)
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      const rows = db.prepare('SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version').all() as {
        version: number; name: string; applied_at: number; checksum: string
      }[]
      const first = rows[0]
      expect(first).toMatchObject({ version: 1, name: 'initial' })
      expect(first?.checksum).toBe(createHash('sha256').update(initial.sql).digest('hex'))
      expect(first?.applied_at).toBeGreaterThanOrEqual(before)
      expect(first?.applied_at).toBeLessThanOrEqual(after)
    } finally {
      db.close()
    }
  })

  it('opens with foreign keys on, WAL and synchronous FULL, and WAL stays set in the file', () => {
    const file = join(dir(), 'graph.db')
    const db = openDatabase(file)
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(2)
    } finally {
      db.close()
    }
    withRawDb(file, (raw) => expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'))
  })

  it('creates the tables, indexes, append-only triggers and the full-text index of schema 1', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      expect(migrate(db, [initial])).toEqual([1])
      expect(objectNames(db, 'table')).toEqual(expect.arrayContaining([
        'audit', 'batches', 'edges', 'embeddings', 'meta', 'nodes', 'nodes_fts', 'query_log', 'schema_migrations',
      ]))
      expect(objectNames(db, 'index')).toEqual(expect.arrayContaining(['edges_by_type', 'edges_in', 'edges_out', 'nodes_by_label', 'nodes_by_type_label']))
      expect(objectNames(db, 'trigger')).toEqual(['audit_is_append_only_delete', 'audit_is_append_only_update'])
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get('nodes_fts')).toMatch(/fts5/i)
    } finally {
      db.close()
    }
  })

  it('constrains the data: unique keys, JSON object props, edges cascade with their nodes', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, [initial])
      const node = db.prepare("INSERT INTO nodes (key, type, label, props, created_at, updated_at) VALUES (?, 't', ?, ?, 0, 0)")
      node.run('a', 'A', '{}')
      node.run('b', 'B', '{"x":1}')
      expect(() => node.run('a', 'again', '{}')).toThrow(/UNIQUE/)
      expect(() => node.run('c', 'C', '[1,2]')).toThrow(/CHECK/)
      expect(() => node.run('d', 'D', 'not json')).toThrow(/CHECK/)
      db.prepare("INSERT INTO edges (source, target, type, created_at, updated_at) VALUES (1, 2, 'e', 0, 0)").run()
      expect(() => db.prepare("INSERT INTO edges (source, target, type, created_at, updated_at) VALUES (1, 99, 'e', 0, 0)").run()).toThrow(/FOREIGN KEY/)
      db.prepare("DELETE FROM nodes WHERE key = 'b'").run()
      expect(db.prepare('SELECT count(*) FROM edges').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  })

  it('compares labels without ASCII case (NOCASE), keys with case', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, [initial])
      const node = db.prepare("INSERT INTO nodes (key, type, label, created_at, updated_at) VALUES (?, 't', ?, 0, 0)")
      node.run('K', 'Alpha')
      node.run('k', 'beta')
      expect(db.prepare("SELECT key FROM nodes WHERE label = 'ALPHA'").pluck().all()).toEqual(['K'])
      expect(db.prepare('SELECT label FROM nodes ORDER BY label').pluck().all()).toEqual(['Alpha', 'beta'])
      expect(db.prepare("SELECT count(*) FROM nodes WHERE key = 'k'").pluck().get()).toBe(1)
    } finally {
      db.close()
    }
  })
})
