import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import initial from '../../../../src/main/store/migrations/001-initial.ts'
import views from '../../../../src/main/store/migrations/002-views.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-002-')

function withSchema2<T>(use: (db: Database.Database) => T): T {
  const db = new Database(join(dir(), 'graph.db'))
  try {
    migrate(db, [initial, views])
    return use(db)
  } finally {
    db.close()
  }
}

describe('migration 002 (views)', () => {
  it('takes a schema 1 store with data to version 2, keeps the data and records the checksum', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      expect(migrate(db, [initial])).toEqual([1])
      db.prepare("INSERT INTO nodes (key, type, label, created_at, updated_at) VALUES ('a', 't', 'A', 0, 0)").run()
      expect(migrate(db, [initial, views])).toEqual([2])
      expect(db.pragma('user_version', { simple: true })).toBe(2)
      expect(db.prepare('SELECT key FROM nodes').pluck().all()).toEqual(['a'])
      const row = db.prepare('SELECT name, checksum FROM schema_migrations WHERE version = 2').get()
      expect(row).toEqual({ name: 'views', checksum: createHash('sha256').update(views.sql).digest('hex') })
    } finally {
      db.close()
    }
  })

  it('creates the views table keyed by a name that ignores ASCII case', () => {
    withSchema2((db) => {
      const insert = db.prepare('INSERT INTO views (name, state, node_count, created_at, updated_at) VALUES (?, ?, ?, 1, 1)')
      insert.run('Engine people', '{"layout":"grid"}', 3)
      expect(() => insert.run('ENGINE PEOPLE', '{}', 0)).toThrow(/UNIQUE|PRIMARY KEY/)
      expect(db.prepare('SELECT node_count FROM views WHERE name = ?').pluck().get('engine people')).toBe(3)
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'views' AND sql LIKE '%WITHOUT ROWID%'").pluck().get()).toBe(1)
    })
  })

  it('keeps only JSON objects as state and counts that are not negative', () => {
    withSchema2((db) => {
      const insert = db.prepare('INSERT INTO views (name, state, node_count, created_at, updated_at) VALUES (?, ?, ?, 1, 1)')
      expect(() => insert.run('array', '[1,2]', 0)).toThrow(/CHECK/)
      expect(() => insert.run('text', 'not json', 0)).toThrow(/CHECK/)
      expect(() => insert.run('negative', '{}', -1)).toThrow(/CHECK/)
      expect(() => insert.run(null, '{}', 0)).toThrow(/NOT NULL/)
      expect(db.prepare('SELECT count(*) FROM views').pluck().get()).toBe(0)
    })
  })
})
