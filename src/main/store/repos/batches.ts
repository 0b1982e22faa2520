import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** Opens the audit batch that this transaction's audit rows are filed under. */
export function beginBatch(db: Db, operation: string, now: number, origin: string): number {
  return Number(statement(db, 'INSERT INTO batches (at, operation, origin) VALUES (?, ?, ?)').run(now, operation, origin).lastInsertRowid)
}

/** Records which audit rows are the batch's (those after `afterAuditId`), so they are read by rowid. */
export function recordAuditSpan(db: Db, batchId: number, afterAuditId: number): void {
  statement(db, `UPDATE batches SET first_audit_id = (SELECT min(id) FROM audit WHERE id > @after AND batch_id = @batchId),
      last_audit_id = (SELECT max(id) FROM audit WHERE id > @after AND batch_id = @batchId) WHERE id = @batchId`).run({ after: afterAuditId, batchId })
}

/** The newest audit row: a batch's rows are the ones after it (one writer, ids only grow). */
export function latestAuditId(db: Db): number {
  return statement<[], number>(db, 'SELECT coalesce(max(id), 0) FROM audit').pluck().get() ?? 0
}

/** How many audit rows of each entity and operation came after `afterAuditId`: keys like 'node.insert'. */
export function auditCountsAfter(db: Db, afterAuditId: number): Record<string, number> {
  const rows = statement<[number], { name: string; count: number }>(
    db,
    "SELECT entity || '.' || op AS name, count(*) AS count FROM audit WHERE id > ? GROUP BY entity, op",
  ).all(afterAuditId)
  return Object.fromEntries(rows.map((row) => [row.name, row.count]))
}

export function recordBatchSummary(db: Db, batchId: number, summary: object): void {
  statement(db, 'UPDATE batches SET summary = ? WHERE id = ?').run(JSON.stringify(summary), batchId)
}

export function latestBatchId(db: Db): number {
  return statement<[], number>(db, 'SELECT coalesce(max(id), 0) FROM batches').pluck().get() ?? 0
}

/** Removes the batches after `batchId` that no audit row names (an interrupted import emptied again). */
export function deleteBatchesAfter(db: Db, batchId: number): void {
  statement(db, 'DELETE FROM batches WHERE id > ? AND NOT EXISTS (SELECT 1 FROM audit WHERE batch_id = batches.id)').run(batchId)
}

/** Removes a batch that left nothing behind (an import emptied again), if no audit row names it. */
export function deleteBatchRow(db: Db, batchId: number): void {
  statement(db, 'DELETE FROM batches WHERE id = ? AND NOT EXISTS (SELECT 1 FROM audit WHERE batch_id = ?)').run(batchId, batchId)
}
