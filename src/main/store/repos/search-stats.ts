import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// What bm25 needs from the full-text index besides a candidate's own text: the index's row and token
// totals and each phrase's document count, read without scoring any row.

/** Reads one SQLite/FTS5 varint at `offset`: its value and the offset after it. */
function varint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0
  for (let i = 0; i < 8; i++) {
    const byte = bytes[offset + i] ?? 0
    value = value * 128 + (byte & 0x7f)
    if ((byte & 0x80) === 0) return [value, offset + i + 1]
  }
  return [value * 256 + (bytes[offset + 8] ?? 0), offset + 9]
}

/**
 * Rows and tokens (all columns) in nodes_fts, from FTS5's averages record (data row 1: varints of
 * the row count, then the token count of each column), as FTS5's own bm25 reads them.
 */
export function fullTextTotals(db: Db): { rows: number; tokens: number } {
  const block = statement<[], Buffer>(db, 'SELECT block FROM nodes_fts_data WHERE id = 1').pluck().get()
  if (!block) return { rows: 0, tokens: 0 }
  let [rows, offset] = varint(block, 0)
  let tokens = 0
  while (offset < block.length) {
    const [count, next] = varint(block, offset)
    tokens += count
    offset = next
  }
  if (rows < 0) rows = 0
  return { rows, tokens }
}

const withVocabulary = new WeakSet<Db>()

/** How many nodes hold this whole word, from the index's vocabulary (a per-connection fts5vocab table). */
export function wordDocumentCount(db: Db, word: string): number {
  if (!withVocabulary.has(db)) {
    // In temp, so that it needs no migration and also serves stores opened read-only.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.nodes_fts_words USING fts5vocab(main, nodes_fts, 'row')")
    withVocabulary.add(db)
  }
  return statement<[string], number>(db, 'SELECT doc FROM temp.nodes_fts_words WHERE term = ?').pluck().get(word) ?? 0
}

/** Something that changes whenever this store's data may have: this connection's writes, or another's commits. */
export function dataStamp(db: Db): string {
  const [changes, version] = statement<[], [number, number]>(db, 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw().get() ?? [0, 0]
  return `${changes}:${version}`
}
