import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/store/migrate.ts'
import { indexNodeTextAfter, NODE_TEXT, reindexNodeText, unindexNodeText } from '../../../src/main/store/repos/node-text.ts'
import { createSearchCalls } from '../../../src/main/store/services/search.ts'
import { searchInput } from '../../../src/shared/search.ts'
import { bm25, tokenize, type Phrase } from '../../../src/main/store/services/search-bm25.ts'
import { phraseIdfs, quotedPhrase, searchCache } from '../../../src/main/store/services/search-cache.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

// The scores computed in JS must be FTS5's own bm25(…, 5.0, 1.0), negated: the oracle is SQLite, on a
// full-text table that keeps positions (the store's own keeps none since migration 12).
const dir = useTempDir('graphkeep-bm25-')

// Printable ASCII (with punctuation inside words) is scored on a fast path of its own; a non-ASCII
// word anywhere in a node sends the whole node down the general one.
const WORDS = ['cafe', 'Café', 'CAB', 'cabin', 'ca', 'x1', 'ßig', 'Øre', 'near', 'straße', 'x1-CAB', "o'near", 'cabin.ca', 'NEAR2near', '(ca)']
const text = (max: number) => fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((words) => words.join(' '))
const node = fc.record({ label: text(4), note: text(6), extra: fc.option(text(3), { nil: undefined }), n: fc.integer() })
const phrase = fc.record({ term: fc.constantFrom('cafe', 'cab', 'ca', 'cabin', 'x1', 'ssig', 'ore', 'near', 'strasse', 'c', 'o', 'near2near', 'ne'), prefix: fc.boolean() })

function withStore<T>(run: (db: Database.Database) => T): T {
  const db = new Database(join(dir(), `${Math.random().toString(36).slice(2)}.db`))
  try {
    migrate(db)
    return run(db)
  } finally {
    db.close()
  }
}

describe('bm25 computed in JS', () => {
  it('equals FTS5 bm25 for several phrases, and orders one phrase as FTS5 does, after inserts and deletes', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 30 }), fc.uniqueArray(phrase, { minLength: 1, maxLength: 3, selector: (p) => p.term }), fc.nat(), (nodes, phrases, drop) => {
        withStore((db) => {
          const insert = db.prepare("INSERT INTO nodes (key, type, label, props, created_at) VALUES (?, 't', ?, ?, 0)")
          nodes.forEach(({ label, note, extra, n }, i) => insert.run(`k${i}`, label, JSON.stringify({ note, n, ...(extra === undefined ? {} : { extra }) })))
          indexNodeTextAfter(db, 0)
          // A deleted row leaves the totals and the counts as FTS5 keeps them (contentless_delete).
          unindexNodeText(db, 1 + (drop % nodes.length))
          db.exec(`CREATE VIRTUAL TABLE oracle USING fts5 (label, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO oracle (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n;`)
          db.prepare('DELETE FROM oracle WHERE rowid = ?').run(1 + (drop % nodes.length))
          const match = phrases.map((p: Phrase) => quotedPhrase(p)).join(' ')
          const oracle = db.prepare('SELECT f.rowid AS id, -bm25(oracle, 5.0, 1.0) AS score, n.label, n.props FROM oracle f JOIN nodes n ON n.id = f.rowid WHERE oracle MATCH ? ORDER BY f.rowid')
            .all(match) as { id: number; score: number; label: string; props: string }[]
          const cache = searchCache(db)
          const idfs = phraseIdfs(db, cache, phrases)
          const ours = oracle.map((row) => bm25(tokenize(row), phrases, idfs, cache.totals))
          if (phrases.length > 1) {
            oracle.forEach((row, i) => expect(ours[i]).toBeCloseTo(row.score, 9))
          } else {
            // One phrase: its idf is one factor of every score, left out; the order is the same.
            const factor = oracle.length > 0 ? (oracle[0] as { score: number }).score / (ours[0] as number) : 1
            oracle.forEach((row, i) => expect((ours[i] as number) * factor).toBeCloseTo(row.score, 9))
          }
        })
      }),
      propertyRun('bm25 in JS', 30),
    )
  })

  it('sees new rows at once: the cached counts and totals follow the writes', () => {
    withStore((db) => {
      const insert = db.prepare("INSERT INTO nodes (key, type, label, props, created_at) VALUES (?, 't', ?, '{}', 0)")
      insert.run('a', 'amber canal')
      insert.run('b', 'amber')
      for (let i = 0; i < 20; i++) insert.run(`z${i}`, 'zinc')
      indexNodeTextAfter(db, 0)
      const phrases: Phrase[] = [{ term: 'amber', prefix: false }, { term: 'ca', prefix: true }]
      const weights = () => ({ totals: searchCache(db).totals, idfs: phraseIdfs(db, searchCache(db), phrases) })
      const before = weights()
      expect(before.totals).toEqual({ rows: 22, tokens: 23 })
      insert.run('c', 'canal cable car')
      indexNodeTextAfter(db, 22)
      const after = weights()
      expect(after.totals).toEqual({ rows: 23, tokens: 26 })
      expect(after.idfs[1]).toBeLessThan(before.idfs[1] as number)
    })
  })

  it('forgets what it cached when another connection commits: a reader scores the node as it is now', () => {
    const file = join(dir(), 'two.db')
    const writer = new Database(file)
    const reader = new Database(file)
    try {
      migrate(writer)
      writer.pragma('journal_mode = WAL')
      const insert = writer.prepare("INSERT INTO nodes (key, type, label, props, created_at) VALUES (?, 't', ?, ?, 0)")
      insert.run('a', 'Amber', '{"note": "stone"}')
      insert.run('b', 'Resin', '{"note": "amber amber amber"}')
      indexNodeTextAfter(writer, 0)
      const search = createSearchCalls(reader)
      const keys = () => search.query(searchInput.parse({ text: 'amber stone' })).items.map((hit) => hit.node.key)
      const order = () => search.query(searchInput.parse({ text: 'amber' })).items.map((hit) => hit.node.key)
      expect(order()).toEqual(['a', 'b'])
      expect(keys()).toEqual(['a'])
      // Another connection moves the word out of a's label and adds a node: the reader's cached tokens are stale.
      writer.prepare("UPDATE nodes SET label = 'Stone', props = ? WHERE key = 'a'").run(JSON.stringify({ note: 'amber' }))
      reindexNodeText(writer, 1)
      insert.run('c', 'Amber amber', '{}')
      indexNodeTextAfter(writer, 2)
      expect(order()).toEqual(['c', 'b', 'a'])
      expect(keys()).toEqual(['a'])
    } finally {
      reader.close()
      writer.close()
    }
  })
})

describe('one read snapshot per search', () => {
  it('opens and ends its own read transaction, and keeps one the caller holds', () => {
    withStore((db) => {
      db.prepare("INSERT INTO nodes (key, type, label, props, created_at) VALUES ('a', 't', 'Amber canal', '{}', 0)").run()
      indexNodeTextAfter(db, 0)
      const search = createSearchCalls(db)
      expect(search.query(searchInput.parse({ text: 'amber ca' })).items.map((hit) => hit.node.key)).toEqual(['a'])
      expect(db.inTransaction).toBe(false)
      db.exec('BEGIN')
      expect(search.query(searchInput.parse({ text: 'amber canal' })).items[0]?.exact).toBe(true)
      expect(db.inTransaction).toBe(true)
      db.exec('COMMIT')
    })
  })
})
