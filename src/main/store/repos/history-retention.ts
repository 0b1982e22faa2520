import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export function auditSize(db: Db): { batches: number; auditRows: number; auditBytes: number; oldestAt: number | null } {
  const counts = statement<[], { batches: number; auditRows: number; oldestAt: number | null }>(db,
    'SELECT (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM audit) AS auditRows, (SELECT min(at) FROM batches WHERE compacted = 0) AS oldestAt').get()
  // dbstat's aggregate mode sums each table's and index's pages without reading rows.
  const auditBytes = statement<[], number>(db, "SELECT coalesce(sum(pgsize), 0) FROM dbstat('main', 1) WHERE name = 'audit' OR name LIKE 'audit_by_%'").pluck().get() ?? 0
  return { batches: counts?.batches ?? 0, auditRows: counts?.auditRows ?? 0, auditBytes, oldestAt: counts?.oldestAt ?? null }
}

/** The newest batch at or before a time. */
export function lastBatchUpTo(db: Db, at: number): number | undefined {
  return statement<[number], number>(db, 'SELECT max(id) FROM batches WHERE at <= ?').pluck().get(at) ?? undefined
}

/** Whether any batch up to this one still has its history (compaction would remove something). */
export function hasUncompactedUpTo(db: Db, batchId: number): boolean {
  return statement<[number], number>(db, 'SELECT EXISTS (SELECT 1 FROM batches WHERE id <= ? AND compacted = 0)').pluck().get(batchId) === 1
}

/**
 * Removes the audit rows of every batch up to `checkpoint` (the batches stay, marked compacted). The
 * append-only trigger is dropped and created again inside this one transaction: compaction is the only
 * delete the trail allows. The highest ids seen are kept in id_floor so that ids are still never reused.
 */
export function compactAuditUpTo(db: Db, checkpoint: number): { removedAuditRows: number; compactedBatches: number } {
  statement(db, `INSERT INTO id_floor (entity, last_id) SELECT entity, max(entity_id) FROM audit WHERE entity IN ('node', 'edge') AND batch_id <= ? GROUP BY entity
    ON CONFLICT (entity) DO UPDATE SET last_id = max(last_id, excluded.last_id)`).run(checkpoint)
  const lastAudit = statement<[number], number>(db, 'SELECT coalesce(max(last_audit_id), 0) FROM batches WHERE id <= ?').pluck().get(checkpoint) ?? 0
  db.exec('DROP TRIGGER audit_is_append_only_delete')
  const removedAuditRows = statement(db, 'DELETE FROM audit WHERE id <= ? AND batch_id <= ?').run(lastAudit, checkpoint).changes
  db.exec(`CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`)
  const compactedBatches = statement(db, `UPDATE batches SET compacted = 1, first_audit_id = NULL, last_audit_id = NULL,
      first_node_id = NULL, last_node_id = NULL, first_edge_id = NULL, last_edge_id = NULL WHERE id <= ? AND compacted = 0`).run(checkpoint).changes
  return { removedAuditRows, compactedBatches }
}

/** The newest compacted batch's time: history before it is gone. */
export function checkpointAt(db: Db): number | null {
  return statement<[], number | null>(db, 'SELECT max(at) FROM batches WHERE compacted = 1').pluck().get() ?? null
}
