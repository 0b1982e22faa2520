import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export interface AuditRow {
  id: number
  batch_id: number
  entity: 'node' | 'edge' | 'view' | 'meta'
  entity_id: number | null
  entity_key: string | null
  op: 'insert' | 'update' | 'delete'
  before: string | null
  after: string | null
}
export interface DatedAuditRow extends AuditRow {
  at: number
  operation: string
  origin: string
}

const AUDIT = 'a.id, a.batch_id, a.entity, a.entity_id, a.entity_key, a.op, a.before, a.after'
const DATED = `${AUDIT}, b.at, b.operation, b.origin`

/** A batch's audit rows by rowid (its span), from `after` on. */
export function batchAuditRows(db: Db, batchId: number, first: number, last: number, after: number, limit: number): AuditRow[] {
  return statement<unknown[], AuditRow>(db, `SELECT ${AUDIT} FROM audit a WHERE a.id BETWEEN max(@first, @after + 1) AND @last AND a.batch_id = @batchId ORDER BY a.id LIMIT @limit`)
    .all({ batchId, first, last, after, limit })
}

// The audit trail's key indexes are named: on a store not yet analysed the planner otherwise reads every
// audit row of the entity through audit_by_row (entity = ?), once per key.

/** Every node id that ever had this key (a key deleted and created again gets a new id). */
export function nodeIdsWithKey(db: Db, key: string): number[] {
  return statement<[string, string], number>(db, `SELECT id FROM nodes WHERE key = ?
    UNION SELECT entity_id FROM audit INDEXED BY audit_by_node_key WHERE entity = 'node' AND coalesce(after, before) ->> 'key' = ?`).pluck().all(key, key)
}

export function nodeAuditRows(db: Db, nodeIds: number[], limit: number): DatedAuditRow[] {
  return statement<[string, number], DatedAuditRow>(db, `SELECT ${DATED} FROM audit a JOIN batches b ON b.id = a.batch_id
    WHERE a.entity = 'node' AND a.entity_id IN (SELECT value FROM json_each(?)) ORDER BY a.id DESC LIMIT ?`).all(JSON.stringify(nodeIds), limit)
}

/** Audit rows of edges with this node key at either end. */
export function edgeAuditRowsAtKey(db: Db, key: string, limit: number): DatedAuditRow[] {
  return statement<[string, string, number], DatedAuditRow>(db, `SELECT ${DATED} FROM audit a JOIN batches b ON b.id = a.batch_id
    WHERE a.id IN (SELECT id FROM audit INDEXED BY audit_by_edge_source WHERE entity = 'edge' AND coalesce(after, before) ->> 'source' = ?
                   UNION SELECT id FROM audit INDEXED BY audit_by_edge_target WHERE entity = 'edge' AND coalesce(after, before) ->> 'target' = ?)
    ORDER BY a.id DESC LIMIT ?`).all(key, key, limit)
}

/** Imports that inserted this node (by id range) or edges now at it. */
export function importsAtNode(db: Db, nodeId: number): { batchId: number; at: number; node: number; edges: number }[] {
  return statement<[number, number, number], { batchId: number; at: number; node: number; edges: number }>(db, `
    SELECT b.id AS batchId, b.at, max(b.first_node_id IS NOT NULL AND ? BETWEEN b.first_node_id AND b.last_node_id) AS node, count(e.id) AS edges
    FROM batches b LEFT JOIN (SELECT id FROM edges WHERE source = ? UNION SELECT id FROM edges WHERE target = ?) e
      ON e.id BETWEEN b.first_edge_id AND b.last_edge_id
    WHERE (b.first_node_id IS NOT NULL OR b.first_edge_id IS NOT NULL) AND b.origin = 'import'
    GROUP BY b.id HAVING node OR edges > 0 ORDER BY b.id DESC LIMIT 50`).all(nodeId, nodeId, nodeId)
}

export interface DeletedRow {
  auditId: number
  id: number
  before: string
  batchId: number
  at: number
  operation: string
}

/** Rows whose last change was a delete and that are still gone, newest first. */
export function deletedRows(db: Db, entity: 'node' | 'edge', before: number | null, limit: number): DeletedRow[] {
  const table = entity === 'node' ? 'nodes' : 'edges'
  return statement<unknown[], DeletedRow>(db, `SELECT a.id AS auditId, a.entity_id AS id, a.before, b.id AS batchId, b.at, b.operation
    FROM audit a JOIN batches b ON b.id = a.batch_id
    WHERE a.entity = @entity AND a.op = 'delete' AND (@before IS NULL OR a.id < @before)
      AND NOT EXISTS (SELECT 1 FROM ${table} WHERE id = a.entity_id)
      AND a.id = (SELECT max(x.id) FROM audit x WHERE x.entity = @entity AND x.entity_id = a.entity_id)
    ORDER BY a.id DESC LIMIT @limit`).all({ entity, before, limit })
}

/** How many edges at this key a batch deleted. */
export function edgesDeletedWithNode(db: Db, batchId: number, key: string): number {
  return statement<[number, string, string], number>(db, `SELECT count(*) FROM audit WHERE batch_id = ? AND op = 'delete' AND id IN (
      SELECT id FROM audit INDEXED BY audit_by_edge_source WHERE entity = 'edge' AND coalesce(after, before) ->> 'source' = ?
      UNION SELECT id FROM audit INDEXED BY audit_by_edge_target WHERE entity = 'edge' AND coalesce(after, before) ->> 'target' = ?)`).pluck().get(batchId, key, key) ?? 0
}

export function nodeKeyExists(db: Db, key: string): boolean {
  return statement<[string], number>(db, 'SELECT EXISTS (SELECT 1 FROM nodes WHERE key = ?)').pluck().get(key) === 1
}
