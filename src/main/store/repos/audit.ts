import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// Snapshots name nodes by key, so an audit row still reads correctly after ids are reused.
export const NODE_JSON = "json_object('key', n.key, 'type', n.type, 'label', n.label, 'properties', json(n.props))"
export const EDGE_JSON = "json_object('source', s.key, 'target', t.key, 'type', e.type, 'weight', e.weight, 'properties', json(e.props))"
export const EDGE_FROM = 'edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target'
const INSERT_AUDIT = 'INSERT INTO audit (batch_id, entity, entity_id, op, before, after)'

export type Entity = 'node' | 'edge'
export type AuditOp = 'insert' | 'update' | 'delete'

export function auditInsertedNodes(db: Db, batchId: number, afterId: number): void {
  statement(db, `${INSERT_AUDIT} SELECT ?, 'node', n.id, 'insert', NULL, ${NODE_JSON} FROM nodes n WHERE n.id > ?`).run(batchId, afterId)
}

export function auditInsertedEdges(db: Db, batchId: number, afterId: number): void {
  statement(db, `${INSERT_AUDIT} SELECT ?, 'edge', e.id, 'insert', NULL, ${EDGE_JSON} FROM ${EDGE_FROM} WHERE e.id > ?`).run(batchId, afterId)
}

/** Records the deletion of every edge at a node, before the node's delete cascades to them. */
export function auditEdgesAtNodeDeleted(db: Db, batchId: number, nodeId: number): void {
  statement(
    db,
    `${INSERT_AUDIT} SELECT ?, 'edge', e.id, 'delete', ${EDGE_JSON}, NULL FROM ${EDGE_FROM}
     WHERE e.id IN (SELECT id FROM edges WHERE source = ? UNION SELECT id FROM edges WHERE target = ?)`,
  ).run(batchId, nodeId, nodeId)
}

export function nodeSnapshot(db: Db, id: number): string | undefined {
  return statement<[number], string>(db, `SELECT ${NODE_JSON} FROM nodes n WHERE n.id = ?`).pluck().get(id)
}

export function edgeSnapshot(db: Db, id: number): string | undefined {
  return statement<[number], string>(db, `SELECT ${EDGE_JSON} FROM ${EDGE_FROM} WHERE e.id = ?`).pluck().get(id)
}

export function recordAudit(db: Db, batchId: number, entity: Entity, entityId: number, op: AuditOp, before: string | null, after: string | null): void {
  statement(db, `${INSERT_AUDIT} VALUES (?, ?, ?, ?, ?, ?)`).run(batchId, entity, entityId, op, before, after)
}

/** Saved views and metadata entries are named by key, not by row id. */
export type KeyedEntity = 'view' | 'meta'

export function recordKeyedAudit(db: Db, batchId: number, entity: KeyedEntity, key: string, op: AuditOp, before: string | null, after: string | null): void {
  statement(db, 'INSERT INTO audit (batch_id, entity, entity_key, op, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(batchId, entity, key, op, before, after)
}

/** A metadata entry written by an import, audited (before and after) so that the import's undo takes it back. */
export function putMetaAudited(db: Db, batchId: number, key: string, json: string): void {
  const before = statement<[string], string>(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? null
  if (before === json) return
  statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json)
  recordKeyedAudit(db, batchId, 'meta', key, before === null ? 'insert' : 'update', before, json)
}

/** A batch's net effect on metadata: per key, the value before its first change and after its last. */
export function metaEffects(db: Db, batchId: number, firstAudit: number, lastAudit: number): { key: string; before: string | null; after: string | null }[] {
  return statement<unknown[], { key: string; before: string | null; after: string | null }>(db, `WITH spans AS (
      SELECT entity_key, min(id) AS first, max(id) AS last FROM audit
      WHERE id BETWEEN @firstAudit AND @lastAudit AND batch_id = @batchId AND entity = 'meta' GROUP BY entity_key)
    SELECT s.entity_key AS key, f.before, l.after FROM spans s JOIN audit f ON f.id = s.first JOIN audit l ON l.id = s.last ORDER BY s.entity_key`)
    .all({ batchId, firstAudit, lastAudit })
}
