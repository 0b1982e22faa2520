import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { migrate } from '../../../../src/main/store/migrate.ts'
import initial from '../../../../src/main/store/migrations/001-initial.ts'
import views from '../../../../src/main/store/migrations/002-views.ts'
import searchPrefixes from '../../../../src/main/store/migrations/003-search-prefixes.ts'
import { indexNodeTextAfter } from '../../../../src/main/store/repos/node-text.ts'
import { searchInput } from '../../../../src/shared/search.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-003-')

/** A schema-2 store file holding nodes indexed the way schema 2 indexed them. */
function schema2Store(file: string): void {
  const db = new Database(file)
  try {
    migrate(db, [initial, views])
    const insert = db.prepare("INSERT INTO nodes (key, type, label, props, created_at, updated_at) VALUES (?, 't', ?, ?, 0, 0)")
    insert.run('zurich', 'Zürich', JSON.stringify({ note: 'lake city', population: 400000 }))
    insert.run('cast', 'Castle', JSON.stringify({ nested: { note: 'lake' } }))
    insert.run('cat', 'Cat', '{}')
    indexNodeTextAfter(db, 0)
  } finally {
    db.close()
  }
}

const matches = (db: Database.Database, query: string) =>
  db.prepare('SELECT n.key FROM nodes_fts f JOIN nodes n ON n.id = f.rowid WHERE nodes_fts MATCH ? ORDER BY n.key').pluck().all(query)

describe('migration 003 (search prefixes)', () => {
  it('rebuilds the full-text index with 2- and 3-letter prefix indexes, keeping every node findable', () => {
    const file = join(dir(), 'graph.db')
    schema2Store(file)
    const db = new Database(file)
    try {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get('nodes_fts')).not.toMatch(/prefix/)
      expect(migrate(db, [initial, views, searchPrefixes])).toContain(3)
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get('nodes_fts')).toMatch(/prefix = '2 3'/)
      expect(matches(db, 'lake')).toEqual(['zurich'])
      expect(matches(db, 'zurich')).toEqual(['zurich'])
      expect(matches(db, '"ca"*')).toEqual(['cast', 'cat'])
      expect(matches(db, '"cas"*')).toEqual(['cast'])
      expect(db.prepare('SELECT count(*) FROM nodes_fts').pluck().get()).toBe(3)
      // Still contentless with deletes: a removed row leaves the index.
      db.prepare('DELETE FROM nodes_fts WHERE rowid = (SELECT id FROM nodes WHERE key = ?)').run('cat')
      expect(matches(db, '"ca"*')).toEqual(['cast'])
    } finally {
      db.close()
    }
  })

  it('leaves a schema-2 store searchable through the store once opened', () => {
    const file = join(dir(), 'graph.db')
    schema2Store(file)
    const store = openStore({ file })
    try {
      expect(store.store.stats().schemaVersion).toBeGreaterThanOrEqual(3)
      const hits = store.search.query(searchInput.parse({ text: 'zu' })).items
      expect(hits.map((hit) => hit.node.key)).toEqual(['zurich'])
      expect(hits[0]?.snippet.highlights).toEqual([[0, 6]])
    } finally {
      store.close()
    }
  })
})
