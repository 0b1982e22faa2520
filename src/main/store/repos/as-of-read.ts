import type { Db } from '../db.ts'
import { EDGE_JSON, NODE_JSON } from './audit.ts'
import { statement } from './statements.ts'

// "As of" for many rows at once: each statement takes every key or id as one JSON array (json_each),
// so a graph view of 2,000 nodes costs a handful of statements, not a few per row. The audit trail's
// key indexes are named (INDEXED BY): on a store not yet analysed the planner otherwise prefers
// audit_by_row (entity = ?) and reads every audit row of the entity once per key.

export type Entity = 'node' | 'edge'
export interface KeyId { key: string; id: number }
export interface RangeBatch { id: number; at: number; operation: string; first: number; last: number | null }
export interface AuditImage { id: number; image: string | null; batchId: number }

const json = (values: unknown[]) => JSON.stringify(values)

/** Every id each key has had: now, in the audit trail, and kept by an undo by range. */
export function nodeIdsWithKeys(db: Db, keys: string[]): KeyId[] {
  return statement<[{ list: string }], KeyId>(db, `
    SELECT n.key, n.id FROM json_each(@list) k JOIN nodes n ON n.key = k.value
    UNION SELECT k.value, a.entity_id FROM json_each(@list) k JOIN audit a INDEXED BY audit_by_node_key
      ON a.entity = 'node' AND coalesce(a.after, a.before) ->> 'key' = k.value
    UNION SELECT u.key, u.id FROM undone_nodes u WHERE u.key IN (SELECT value FROM json_each(@list))
    ORDER BY 1, 2`).all({ list: json(keys) })
}

/** The edge ids ever at each key: from the audit trail, the edges there now and those an undo by range kept. */
export function edgeIdsEverAtKeys(db: Db, keys: string[]): KeyId[] {
  return statement<[{ list: string }], KeyId>(db, `
    SELECT k.value AS key, a.entity_id AS id FROM json_each(@list) k JOIN audit a INDEXED BY audit_by_edge_source
      ON a.entity = 'edge' AND coalesce(a.after, a.before) ->> 'source' = k.value
    UNION SELECT k.value, a.entity_id FROM json_each(@list) k JOIN audit a INDEXED BY audit_by_edge_target
      ON a.entity = 'edge' AND coalesce(a.after, a.before) ->> 'target' = k.value
    UNION SELECT k.value, e.id FROM json_each(@list) k JOIN nodes n ON n.key = k.value JOIN edges e ON e.source = n.id
    UNION SELECT k.value, e.id FROM json_each(@list) k JOIN nodes n ON n.key = k.value JOIN edges e ON e.target = n.id
    UNION SELECT u.source_key, u.id FROM undone_edges u WHERE u.source_key IN (SELECT value FROM json_each(@list))
    UNION SELECT u.target_key, u.id FROM undone_edges u WHERE u.target_key IN (SELECT value FROM json_each(@list))
    ORDER BY 1, 2`).all({ list: json(keys) })
}

/** The rows as they are now, as the audit trail writes them; ids not there now are left out. */
export function currentImages(db: Db, entity: Entity, ids: number[]): { id: number; image: string }[] {
  return statement<[string], { id: number; image: string }>(db, entity === 'node'
    ? `SELECT n.id, ${NODE_JSON} AS image FROM json_each(?) j JOIN nodes n ON n.id = j.value`
    : `SELECT e.id, ${EDGE_JSON} AS image FROM json_each(?) j JOIN edges e ON e.id = j.value
        JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target`).all(json(ids))
}

/** The batches that put rows in or took them out by id range (imports, their undos and redos), oldest first. */
export function rangeBatches(db: Db, entity: Entity): RangeBatch[] {
  return statement<[], RangeBatch>(db, entity === 'node'
    ? 'SELECT id, at, operation, first_node_id AS first, last_node_id AS last FROM batches WHERE first_node_id IS NOT NULL ORDER BY id'
    : 'SELECT id, at, operation, first_edge_id AS first, last_edge_id AS last FROM batches WHERE first_edge_id IS NOT NULL ORDER BY id').all()
}

/** The newest batch at or before a time (0: none). */
export function lastBatchUpTo(db: Db, at: number): number {
  return statement<[number], number>(db, 'SELECT coalesce(max(id), 0) FROM batches WHERE at <= ?').pluck().get(at) ?? 0
}

/** Each row's last audited change at or before a time: its after-image and batch. */
export function lastChangesUpTo(db: Db, entity: Entity, ids: number[], at: number): AuditImage[] {
  return statement<[{ list: string; entity: Entity; at: number }], AuditImage>(db, `SELECT j.value AS id, a.after AS image, a.batch_id AS batchId FROM json_each(@list) j
    JOIN audit a ON a.id = (SELECT x.id FROM audit x JOIN batches b ON b.id = x.batch_id
      WHERE x.entity = @entity AND x.entity_id = j.value AND b.at <= @at ORDER BY x.id DESC LIMIT 1)`).all({ list: json(ids), entity, at })
}

/** Each row's first audited change in a batch after the one given with it: its before-image and batch. */
export function firstChangesAfter(db: Db, entity: Entity, rows: { id: number; batchId: number }[]): AuditImage[] {
  return statement<[{ list: string; entity: Entity }], AuditImage>(db, `SELECT j.value ->> 0 AS id, a.before AS image, a.batch_id AS batchId FROM json_each(@list) j
    JOIN audit a ON a.id = (SELECT x.id FROM audit x
      WHERE x.entity = @entity AND x.entity_id = j.value ->> 0 AND x.batch_id > j.value ->> 1 ORDER BY x.id LIMIT 1)`)
    .all({ list: json(rows.map((row) => [row.id, row.batchId])), entity })
}

/** Rows as the given undos by range kept them, as the audit trail writes them. */
export function keptImages(db: Db, entity: Entity, rows: { id: number; batchId: number }[]): { id: number; image: string }[] {
  return statement<[string], { id: number; image: string }>(db, entity === 'node'
    ? `SELECT u.id, json_object('key', u.key, 'type', u.type, 'label', u.label, 'properties', json(u.props)) AS image
        FROM json_each(?) j JOIN undone_nodes u ON u.batch_id = j.value ->> 1 AND u.id = j.value ->> 0`
    : `SELECT u.id, json_object('source', u.source_key, 'target', u.target_key, 'type', u.type, 'weight', u.weight, 'properties', json(u.props)) AS image
        FROM json_each(?) j JOIN undone_edges u ON u.batch_id = j.value ->> 1 AND u.id = j.value ->> 0`).all(json(rows.map((row) => [row.id, row.batchId])))
}
