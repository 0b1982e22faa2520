import type { Db } from '../db.ts'
import type { BatchRow } from '../repos/history-batches.ts'
import {
  countRows, deleteRanges, keepRangeRows, raiseIdFloor, keptEdgesWithoutEnds, keptKeysTaken, keptRowCounts, recordRevertRanges, restoreKeptRows, type Range,
} from '../repos/range-undo.ts'
import { dropPlannedInRange } from '../repos/revert-plan.ts'
import type { Batch } from '../unit-of-work.ts'
import type { Obstacles } from './blame.ts'
import { keepVectors } from './kept-vectors.ts'

// An import is undone by its id ranges: its rows were never audited one by one, and a 500,000-row
// import must not be. The undo keeps the rows as they are (undone_* tables), deletes them set-based,
// and records the ranges on its own batch; the redo puts the kept rows back. The operations start
// with 'import' on purpose: every cache that follows imports by range (adjacency, node columns)
// then follows these as well.
export const UNDO_BY_RANGE = 'import.undo'
export const REDO_BY_RANGE = 'import.redo'

export const isRangeUndo = (batch: BatchRow) => batch.operation === UNDO_BY_RANGE

/** More rows out (or back in) than stay: the indexes are built again rather than changed row by row. */
const rebuildPays = (moved: number, total: number) => moved > total - moved

export function takeOutRanges(db: Db, batch: Batch, nodes: Range, edges: Range): void {
  dropPlannedInRange(db, 'node', nodes)
  dropPlannedInRange(db, 'edge', edges)
  const kept = keepRangeRows(db, batch.id, nodes, edges)
  keepVectors(db, batch.id, nodes)
  recordRevertRanges(db, batch.id, nodes, edges)
  raiseIdFloor(db, 'node', nodes)
  raiseIdFloor(db, 'edge', edges)
  deleteRanges(db, nodes, edges, rebuildPays(kept.nodes + kept.edges, countRows(db, 'nodes') + countRows(db, 'edges')))
  batch.count('node.delete', kept.nodes)
  batch.count('edge.delete', kept.edges)
}

/** The kept nodes' keys must be free again. */
export function checkKeptKeys(db: Db, undoBatchId: number, refuse: (obstacles: Obstacles) => never): void {
  const taken = keptKeysTaken(db, undoBatchId)
  if (taken.length) refuse({ rows: [], insertedRows: taken.map(({ holder }) => ({ entity: 'node', id: holder })), deletedKeys: [] })
}

export function putBackRanges(db: Db, batch: Batch, undoBatch: BatchRow, refuse: (obstacles: Obstacles) => never): void {
  const kept = keptRowCounts(db, undoBatch.id)
  const rebuild = rebuildPays(kept.nodes + kept.edges, kept.nodes + kept.edges + countRows(db, 'nodes') + countRows(db, 'edges'))
  const restored = restoreKeptRows(db, undoBatch.id, rebuild)
  if (restored.edges < restored.expectedEdges) refuse({ rows: [], insertedRows: [], deletedKeys: keptEdgesWithoutEnds(db, undoBatch.id) })
  const range = (first: number | null, last: number | null): Range => (first !== null && last !== null ? [first, last] : null)
  recordRevertRanges(db, batch.id, range(undoBatch.first_node_id, undoBatch.last_node_id), range(undoBatch.first_edge_id, undoBatch.last_edge_id))
  batch.count('node.insert', restored.nodes)
  batch.count('edge.insert', restored.edges)
}
