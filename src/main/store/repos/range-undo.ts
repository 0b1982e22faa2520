import type { Db } from '../db.ts'
import { createSecondaryIndex, dropSecondaryIndexes, rebuildNodeText, SECONDARY_INDEX_NAMES } from './bulk-indexes.ts'
import { NODE_TEXT } from './node-text.ts'
import { addKeptEdgeTypes } from './edge-types.ts'
import { statement } from './statements.ts'

// An import undone by its id ranges: the rows are kept in undone_* (migration 11) under the undo
// batch, then deleted set-based; a redo puts them back from there. No audit image per row.

export type Range = [number, number] | null
const FIRST = 0
const LAST = -1
const bounds = (range: Range) => range ?? [FIRST, LAST]

function createIndexesOf(db: Db, table: 'nodes' | 'edges'): void {
  SECONDARY_INDEX_NAMES.forEach((name, index) => {
    if (name.startsWith(`${table}_`)) createSecondaryIndex(db, index)
  })
}

/** Keeps the rows of the ranges (those not planned row by row) as they are now, under `batchId`. */
export function keepRangeRows(db: Db, batchId: number, nodes: Range, edges: Range): { nodes: number; edges: number } {
  const [nf, nl] = bounds(nodes)
  const [ef, el] = bounds(edges)
  const keptNodes = statement(db, `INSERT INTO undone_nodes (batch_id, id, key, type, label, props, created_at, updated_at)
    SELECT @batchId, id, key, type, label, props, created_at, updated_at FROM nodes WHERE id BETWEEN @nf AND @nl ORDER BY id`).run({ batchId, nf, nl }).changes
  const keptEdges = statement(db, `INSERT INTO undone_edges (batch_id, id, source_key, target_key, type, props, weight, created_at, updated_at)
    SELECT @batchId, e.id, s.key, t.key, e.type, e.props, e.weight, e.created_at, e.updated_at
    FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target WHERE e.id BETWEEN @ef AND @el ORDER BY e.id`).run({ batchId, ef, el }).changes
  return { nodes: keptNodes, edges: keptEdges }
}

export function countRows(db: Db, table: 'nodes' | 'edges'): number {
  return statement<[], number>(db, `SELECT count(*) FROM ${table}`).pluck().get() ?? 0
}

/**
 * Deletes the ranges set-based (edges first: a node's delete looks up its edges through the edge
 * indexes). When the ranges are most of the graph, the secondary indexes and the full-text index
 * are dropped and built again over what stays: cheaper than taking every row out of each, and in
 * this one transaction, so a crash leaves them as they were.
 */
export function deleteRanges(db: Db, nodes: Range, edges: Range, rebuildIndexes: boolean): void {
  const [nf, nl] = bounds(nodes)
  const [ef, el] = bounds(edges)
  if (rebuildIndexes) dropSecondaryIndexes(db)
  statement(db, 'DELETE FROM edges WHERE id BETWEEN ? AND ?').run(ef, el)
  if (rebuildIndexes) createIndexesOf(db, 'edges')
  statement(db, 'DELETE FROM nodes WHERE id BETWEEN ? AND ?').run(nf, nl)
  if (rebuildIndexes) {
    createIndexesOf(db, 'nodes')
    rebuildNodeText(db)
  } else statement(db, 'DELETE FROM nodes_fts WHERE rowid BETWEEN ? AND ?').run(nf, nl)
}

/** Kept nodes whose key another node holds now: [kept id, holder id]. */
export function keptKeysTaken(db: Db, batchId: number): { id: number; holder: number }[] {
  return statement<[number], { id: number; holder: number }>(db, `SELECT u.id, n.id AS holder FROM undone_nodes u JOIN nodes n ON n.key = u.key
    WHERE u.batch_id = ? AND n.id <> u.id LIMIT 50`).all(batchId)
}

/** Puts the kept rows of an undo back under their own ids; edges between the nodes that hold their end keys now. */
export function restoreKeptRows(db: Db, batchId: number, rebuildIndexes: boolean): { nodes: number; edges: number; expectedEdges: number } {
  if (rebuildIndexes) dropSecondaryIndexes(db)
  const nodes = statement(db, `INSERT INTO nodes (id, key, type, label, props, created_at, changed_at)
    SELECT id, key, type, label, props, created_at, nullif(updated_at, created_at) FROM undone_nodes WHERE batch_id = ? ORDER BY id`).run(batchId).changes
  addKeptEdgeTypes(db, batchId)
  const edges = statement(db, `INSERT INTO edges (id, source, target, type, type_code, props, weight, created_at, changed_at)
    SELECT u.id, s.id, t.id, u.type, (SELECT code FROM edge_types WHERE name = u.type), u.props, u.weight, u.created_at, nullif(u.updated_at, u.created_at)
    FROM undone_edges u JOIN nodes s ON s.key = u.source_key JOIN nodes t ON t.key = u.target_key WHERE u.batch_id = ? ORDER BY u.id`).run(batchId).changes
  if (rebuildIndexes) {
    createIndexesOf(db, 'nodes')
    createIndexesOf(db, 'edges')
    rebuildNodeText(db)
  } else statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM nodes n WHERE n.id IN (SELECT id FROM undone_nodes WHERE batch_id = ?)`).run(batchId)
  const expectedEdges = statement<[number], number>(db, 'SELECT count(*) FROM undone_edges WHERE batch_id = ?').pluck().get(batchId) ?? 0
  return { nodes, edges, expectedEdges }
}

/** Kept edges that cannot go back: an end's key names no node now. */
export function keptEdgesWithoutEnds(db: Db, batchId: number): string[] {
  return statement<[number], string>(db, `SELECT DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM nodes WHERE key = u.source_key) THEN u.source_key ELSE u.target_key END
    FROM undone_edges u WHERE u.batch_id = ? AND (NOT EXISTS (SELECT 1 FROM nodes WHERE key = u.source_key) OR NOT EXISTS (SELECT 1 FROM nodes WHERE key = u.target_key))
    LIMIT 50`).pluck().all(batchId)
}

/** How many rows an undo kept: what a redo of it puts back. */
export function keptRowCounts(db: Db, batchId: number): { nodes: number; edges: number } {
  return {
    nodes: statement<[number], number>(db, 'SELECT count(*) FROM undone_nodes WHERE batch_id = ?').pluck().get(batchId) ?? 0,
    edges: statement<[number], number>(db, 'SELECT count(*) FROM undone_edges WHERE batch_id = ?').pluck().get(batchId) ?? 0,
  }
}

/** Ids in a range taken out stay used: new rows are numbered above them (see id-base.ts), so a redo finds them free. */
export function raiseIdFloor(db: Db, entity: 'node' | 'edge', range: Range): void {
  if (!range) return
  statement(db, `INSERT INTO id_floor (entity, last_id) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET last_id = max(last_id, excluded.last_id)`).run(entity, range[1])
}

/** Records the ranges a batch deleted or put back by range (an import's undo or redo): caches that follow imports by range follow these too. */
export function recordRevertRanges(db: Db, batchId: number, nodes: Range, edges: Range): void {
  statement(db, `UPDATE batches SET first_node_id = @nf, last_node_id = @nl, first_edge_id = @ef, last_edge_id = @el WHERE id = @batchId`)
    .run({ batchId, nf: nodes?.[0] ?? null, nl: nodes?.[1] ?? null, ef: edges?.[0] ?? null, el: edges?.[1] ?? null })
}

/** Compaction: the kept rows of batches up to the checkpoint go with their audit rows. */
export function dropKeptRowsUpTo(db: Db, checkpoint: number): number {
  let removed = 0
  for (const table of ['undone_nodes', 'undone_edges', 'undone_vectors']) removed += statement(db, `DELETE FROM ${table} WHERE batch_id <= ?`).run(checkpoint).changes
  return removed
}
