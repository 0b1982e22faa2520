// The four shapes of a full-text top-20 query the bench compares (a common word, a whole label, a 2–3
// letter prefix, two words), and the same query in the seeds' design: FTS5 over labels, bm25 over every
// match (ORDER BY rank), the last word a prefix as GraphKeep reads it.
import type Database from 'better-sqlite3'
import type { SyntheticGraph } from './generate.ts'
import { mulberry32, pick, randomInt } from './prng.ts'
import { words } from './words.ts'

export type FullTextShape = 'common word' | 'rare (a whole label)' | '2–3 letter prefix' | 'two words'

export function fullTextShapes(graph: SyntheticGraph, seed: number, samples: number): Record<FullTextShape, string[]> {
  const random = mulberry32(seed ^ 0x5ea4c4)
  return {
    'common word': Array.from({ length: samples }, () => pick(random, words)),
    'rare (a whole label)': Array.from({ length: samples }, () => graph.nodes[randomInt(random, graph.nodes.length)]?.label ?? ''),
    '2–3 letter prefix': Array.from({ length: samples }, () => pick(random, words).slice(0, 2 + randomInt(random, 2))),
    'two words': Array.from({ length: samples }, () => `${pick(random, words)} ${pick(random, words)}`),
  }
}

/** The seeds' top-20 for a search text, on a baseline database. */
export function baselineTop20(db: Database.Database): (text: string) => unknown[] {
  const top20 = db.prepare('SELECT n.id, n.key, n.label, n.props FROM nodes_fts JOIN nodes n ON n.id = nodes_fts.rowid WHERE nodes_fts MATCH ? ORDER BY rank LIMIT 20')
  const match = (text: string) => text.trim().split(/\s+/).map((word) => `"${word}"`).join(' ') + '*'
  return (text) => top20.all(match(text))
}
