import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** [id, source, target, type, weight] of an edge, as the adjacency cache reads it. */
export type AdjacencyRow = [number, number, number, string, number]

/** Every edge in rowid order: one sequential scan of the table. */
export function scanEdges(db: Db): IterableIterator<AdjacencyRow> {
  return statement<[], AdjacencyRow>(db, 'SELECT id, source, target, type, weight FROM edges').raw().iterate()
}

export function edgeIdRange(db: Db): { count: number; maxId: number } {
  return statement<[], { count: number; maxId: number }>(db, 'SELECT count(*) AS count, coalesce(max(id), 0) AS maxId FROM edges').get() as {
    count: number
    maxId: number
  }
}

/** The newest batch: every committed write adds one, and none is ever removed. */
export function latestBatchId(db: Db): number {
  return statement<[], number>(db, 'SELECT coalesce(max(id), 0) FROM batches').pluck().get() ?? 0
}

/** The newest batch and audit row. */
export function writeMarks(db: Db): { batch: number; audit: number } {
  return statement<[], { batch: number; audit: number }>(
    db,
    'SELECT coalesce((SELECT max(id) FROM batches), 0) AS batch, coalesce((SELECT max(id) FROM audit), 0) AS audit',
  ).get() as { batch: number; audit: number }
}

export function batchOperationsAfter(db: Db, batchId: number): string[] {
  return statement<[number], string>(db, 'SELECT operation FROM batches WHERE id > ? ORDER BY id').pluck().all(batchId)
}

/** [entity, op, entity id] of the audit rows in (after, upTo], at most `limit` (audit ids grow with batches). */
export function auditRowsAfter(db: Db, after: number, upTo: number, limit: number): [string, string, number][] {
  return statement<[number, number, number], [string, string, number]>(
    db,
    'SELECT entity, op, entity_id FROM audit WHERE id > ? AND id <= ? ORDER BY id LIMIT ?',
  )
    .raw()
    .all(after, upTo, limit)
}

/** The current rows of these edge ids (a JSON array); ids that no longer exist are left out. */
export function edgesByIds(db: Db, idsJson: string): AdjacencyRow[] {
  return statement<[string], AdjacencyRow>(
    db,
    'SELECT e.id, e.source, e.target, e.type, e.weight FROM json_each(?) j JOIN edges e ON e.id = j.value',
  )
    .raw()
    .all(idsJson)
}

/**
 * Fewest hops along outgoing edges by a recursive CTE, the way a SQL-only store would search; the
 * benchmark compares the cache's search with it. NULL when not within `maxDepth`.
 */
export function cteShortestPathHops(db: Db, from: number, to: number, maxDepth: number): number | null {
  const sql = `WITH RECURSIVE walk (node, depth) AS (
      SELECT ?, 0
      UNION
      SELECT e.target, walk.depth + 1 FROM walk JOIN edges e ON e.source = walk.node WHERE walk.depth < ?
    )
    SELECT min(depth) FROM walk WHERE node = ?`
  return statement<[number, number, number], number | null>(db, sql).pluck().get(from, maxDepth, to) ?? null
}

/** The edges at one node in one direction, by (type, other node, id): the order the graph calls page in (type codes rise with the names). */
export function edgesAtNode(db: Db, node: number, step: 'out' | 'in'): AdjacencyRow[] {
  const sql = step === 'out'
    ? 'SELECT id, source, target, type, weight FROM edges WHERE source = ? ORDER BY type_code, target, id'
    : 'SELECT id, source, target, type, weight FROM edges WHERE target = ? ORDER BY type_code, source, id'
  return statement<[number], AdjacencyRow>(db, sql).raw().all(node)
}

/** Edges with a negative weight: [id, type, weight], in id order. */
export function negativeEdges(db: Db): IterableIterator<[number, string, number]> {
  return statement<[], [number, string, number]>(db, 'SELECT id, type, weight FROM edges WHERE weight < 0 ORDER BY id').raw().iterate()
}

/** When a batch was opened (null when there is no such batch): with its id, it tells one store's history from another's. */
export function batchTime(db: Db, batchId: number): number | null {
  return statement<[number], number>(db, 'SELECT at FROM batches WHERE id = ?').pluck().get(batchId) ?? null
}
