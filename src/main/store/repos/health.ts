import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export function countDanglingEdges(db: Db): number {
  const sql = `SELECT count(*) FROM edges e
    WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.source) OR NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.target)`
  return statement<[], number>(db, sql).pluck().get() ?? 0
}

/** Nodes with no edge in either direction; each probe is one seek in edges_out or edges_in. */
export function countIsolatedNodes(db: Db): number {
  const sql = `SELECT count(*) FROM nodes n
    WHERE NOT EXISTS (SELECT 1 FROM edges WHERE source = n.id) AND NOT EXISTS (SELECT 1 FROM edges WHERE target = n.id)`
  return statement<[], number>(db, sql).pluck().get() ?? 0
}

export function rebuildStoreFile(db: Db): void {
  statement(db, 'VACUUM').run()
}

/** A compact copy of the store in one statement; the caller makes sure nothing else runs meanwhile. */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file)
}
