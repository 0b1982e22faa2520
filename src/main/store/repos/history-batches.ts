import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export interface BatchRow {
  id: number
  at: number
  operation: string
  origin: string
  summary: string | null
  reverts: number | null
  undone_by: number | null
  redone_by: number | null
  first_audit_id: number | null
  last_audit_id: number | null
  first_node_id: number | null
  last_node_id: number | null
  first_edge_id: number | null
  last_edge_id: number | null
  compacted: number
}

const COLUMNS = `id, at, operation, origin, summary, reverts, undone_by, redone_by, first_audit_id, last_audit_id,
  first_node_id, last_node_id, first_edge_id, last_edge_id, compacted`

export function getBatchRow(db: Db, id: number): BatchRow | undefined {
  return statement<[number], BatchRow>(db, `SELECT ${COLUMNS} FROM batches WHERE id = ?`).get(id)
}

export function markUndone(db: Db, target: number, undoBatch: number): void {
  statement(db, 'UPDATE batches SET undone_by = ? WHERE id = ?').run(undoBatch, target)
  statement(db, 'UPDATE batches SET reverts = ? WHERE id = ?').run(target, undoBatch)
}

export function markRedone(db: Db, target: number, redoBatch: number): void {
  statement(db, 'UPDATE batches SET undone_by = NULL, redone_by = ? WHERE id = ?').run(redoBatch, target)
  statement(db, 'UPDATE batches SET reverts = ? WHERE id = ?').run(target, redoBatch)
}

/** Batches after `afterBatch` with audit rows for this node or edge, newest first. */
export function batchesTouching(db: Db, entity: 'node' | 'edge', id: number, afterBatch: number): number[] {
  return statement<[string, number, number], number>(db,
    'SELECT DISTINCT batch_id FROM audit WHERE entity = ? AND entity_id = ? AND batch_id > ? ORDER BY batch_id DESC LIMIT 20').pluck().all(entity, id, afterBatch)
}

/** Batches after `afterBatch` that wrote this metadata entry, newest first (few: meta rows are a sliver of the audit, and audit_by_row leads with entity). */
export function batchesTouchingMeta(db: Db, key: string, afterBatch: number): number[] {
  return statement<[string, number], number>(db,
    "SELECT DISTINCT batch_id FROM audit WHERE entity = 'meta' AND entity_key = ? AND batch_id > ? ORDER BY batch_id DESC LIMIT 20").pluck().all(key, afterBatch)
}

/** The import batch whose id range holds this row, if any (an import's undo and redo by range name the same ranges). */
export function importHolding(db: Db, entity: 'node' | 'edge', id: number): number | undefined {
  const sql = entity === 'node'
    ? "SELECT id FROM batches WHERE ? BETWEEN first_node_id AND last_node_id AND origin = 'import' ORDER BY id DESC LIMIT 1"
    : "SELECT id FROM batches WHERE ? BETWEEN first_edge_id AND last_edge_id AND origin = 'import' ORDER BY id DESC LIMIT 1"
  return statement<[number], number>(db, sql).pluck().get(id)
}

/** The newest batch that deleted a node with this key (the key index named: see repos/as-of-read.ts). */
export function lastDeleteOfNodeKey(db: Db, key: string): number | undefined {
  return statement<[string], number>(db, `SELECT batch_id FROM audit INDEXED BY audit_by_node_key WHERE entity = 'node' AND coalesce(after, before) ->> 'key' = ? AND op = 'delete'
    ORDER BY id DESC LIMIT 1`).pluck().get(key)
}

/** The batch that last deleted the node with this id. */
export function lastDeleteOfNode(db: Db, nodeId: number): number | undefined {
  return statement<[number], number>(db, `SELECT batch_id FROM audit WHERE entity = 'node' AND entity_id = ? AND op = 'delete'
    ORDER BY id DESC LIMIT 1`).pluck().get(nodeId)
}

export interface BatchFilter {
  origins: string[] | null
  operation: string | null
  from: number | null
  to: number | null
  before: number | null
  limit: number
}

export function listBatchRows(db: Db, filter: BatchFilter): BatchRow[] {
  return statement<unknown[], BatchRow>(db, `SELECT ${COLUMNS} FROM batches
    WHERE (@before IS NULL OR id < @before)
      AND (@origins IS NULL OR origin IN (SELECT value FROM json_each(@origins)))
      AND (@operation IS NULL OR instr(operation, @operation) > 0)
      AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
    ORDER BY id DESC LIMIT @limit`).all({ ...filter, origins: filter.origins ? JSON.stringify(filter.origins) : null })
}

const USER_ORIGINS = "('edit', 'import')"

/** The user's next undo: their edit or import in effect that was applied last (a redo applies it again). */
export function undoTop(db: Db): { id: number; appliedAt: number } | undefined {
  return statement<[], { id: number; appliedAt: number }>(db, `SELECT b.id, coalesce(r.at, b.at) AS appliedAt FROM batches b LEFT JOIN batches r ON r.id = b.redone_by
    WHERE b.origin IN ${USER_ORIGINS} AND b.undone_by IS NULL AND b.compacted = 0
    ORDER BY coalesce(b.redone_by, b.id) DESC LIMIT 1`).get()
}

/** The user's next redo: the batch undone last, unless a new edit or import came after that undo. */
export function redoTop(db: Db): { id: number; undoneAt: number } | undefined {
  return statement<[], { id: number; undoneAt: number }>(db, `SELECT b.id, u.at AS undoneAt FROM batches b JOIN batches u ON u.id = b.undone_by
    WHERE b.origin IN ${USER_ORIGINS} AND b.compacted = 0
      AND u.id > coalesce((SELECT max(id) FROM batches WHERE origin IN ${USER_ORIGINS}), 0)
    ORDER BY u.id DESC LIMIT 1`).get()
}
