import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { indexNodeTextAfter, unindexNodeText } from '../../../../src/main/store/repos/node-text.ts'
import { searchInput } from '../../../../src/shared/search.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-012-')
const beforeCompact = migrations.filter((migration) => migration.version < 12)
const WORDS = ['amber', 'canal', 'cabin', 'Zürich', 'dove', 'dovetail', 'north']
const QUERIES = ['amber', 'canal', '"ca"*', '"cab"*', '"dove"*', 'zurich', 'north amber', 'canal "do"*']

/** A schema-10 store: 300 nodes indexed the way schema 10 indexed them, one of them since deleted. */
function schema10Store(file: string): void {
  const db = new Database(file)
  try {
    migrate(db, beforeCompact)
    const insert = db.prepare("INSERT INTO nodes (key, type, label, props, created_at, updated_at) VALUES (?, 't', ?, ?, 0, 0)")
    for (let i = 0; i < 300; i++) {
      const word = (k: number) => WORDS[(i * 3 + k * (1 + (i % 4))) % WORDS.length] as string
      insert.run(`k${i}`, `${word(0)} ${word(1)}`, JSON.stringify({ note: `${word(2)} ${word(4)}`, n: i, nested: { note: 'hidden' } }))
    }
    indexNodeTextAfter(db, 0)
    unindexNodeText(db, 5)
    db.prepare('DELETE FROM nodes WHERE id = 5').run()
  } finally {
    db.close()
  }
}

const matchesOf = (db: Database.Database) =>
  QUERIES.map((query) => db.prepare('SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid').pluck().all(query))
const ftsBytes = (db: Database.Database) => db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'nodes_fts%'").pluck().get() as number

describe('migration 012 (compact full-text index)', () => {
  it('rebuilds the index without positions, matching every node it matched before, and smaller', () => {
    const file = join(dir(), 'graph.db')
    schema10Store(file)
    const db = new Database(file)
    try {
      const before = matchesOf(db)
      const bytesBefore = ftsBytes(db)
      expect(before.every((ids) => ids.length > 0)).toBe(true)
      expect(db.prepare("SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH 'hidden'").pluck().get()).toBe(0)
      expect(migrate(db)).toContain(12)
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get('nodes_fts')).toMatch(/detail = none/)
      expect(matchesOf(db)).toEqual(before)
      expect(db.prepare('SELECT count(*) FROM nodes_fts').pluck().get()).toBe(299)
      expect(db.prepare("SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH 'hidden'").pluck().get()).toBe(0)
      expect(ftsBytes(db)).toBeLessThan(bytesBefore)
      // Still contentless with deletes.
      db.prepare('DELETE FROM nodes_fts WHERE rowid = 1').run()
      expect(db.prepare('SELECT count(*) FROM nodes_fts').pluck().get()).toBe(298)
    } finally {
      db.close()
    }
  })

  it('leaves a schema-10 store searchable through the store, ranked, once opened', () => {
    const file = join(dir(), 'graph.db')
    schema10Store(file)
    const store = openStore({ file })
    try {
      expect(store.store.stats().schemaVersion).toBeGreaterThanOrEqual(12)
      const hits = store.search.query(searchInput.parse({ text: 'canal do', limit: 200 })).items
      expect(hits.length).toBeGreaterThan(0)
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score)
      expect(hits.every((hit) => /canal/i.test(JSON.stringify(hit.node)))).toBe(true)
    } finally {
      store.close()
    }
  })
})
