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
