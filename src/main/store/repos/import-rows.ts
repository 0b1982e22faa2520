import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { NODE_TEXT } from './node-text.ts'
import { addEdgeTypesOf } from './edge-types.ts'

// Set-based writes of one import batch, each over a JSON array that SQLite reads in one json_each
// pass. Nodes are objects { key, type, label, properties, createdAt, updatedAt }; edges are tuples
// (EdgeTuple: a third cheaper to read than objects, and edges are most of an import).

/** [source, target, type, properties, weight, createdAt, updatedAt]; null where the file had none. */
export type EdgeTuple = [string, string, string, object, number | null, number | null, number | null]

const NODE_AFTER = `json_object('key', n.key, 'type', j.value ->> 'type', 'label', coalesce(j.value ->> 'label', n.key),
  'properties', json(coalesce(j.value -> 'properties', '{}')))`
const NODE_BEFORE = "json_object('key', n.key, 'type', n.type, 'label', n.label, 'properties', json(n.props))"

/** Inserts the nodes whose keys the store does not have yet, numbered from `base + 1`; returns how many went in. */
export function insertNewNodes(db: Db, nodesJson: string, now: number, base: number): number {
  return statement(db, `INSERT INTO nodes (id, key, type, label, props, created_at, changed_at)
    SELECT @base + row_number() OVER (ORDER BY j.value ->> 'key'), j.value ->> 'key', j.value ->> 'type', coalesce(j.value ->> 'label', j.value ->> 'key'),
           coalesce(j.value -> 'properties', '{}'), coalesce(j.value ->> 'createdAt', @now), nullif(coalesce(j.value ->> 'updatedAt', @now), coalesce(j.value ->> 'createdAt', @now))
    FROM json_each(@nodes) j
    WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.key = j.value ->> 'key')
    ORDER BY j.value ->> 'key'`).run({ nodes: nodesJson, now, base }).changes
}

/** Overwrites the nodes whose keys the store has, keeping a before- and after-image of each in the audit batch. */
export function updateExistingNodes(db: Db, nodesJson: string, now: number, batchId: number): number {
  statement(db, `INSERT INTO audit (batch_id, entity, entity_id, op, before, after)
    SELECT ?, 'node', n.id, 'update', ${NODE_BEFORE}, ${NODE_AFTER} FROM json_each(?) j JOIN nodes n ON n.key = j.value ->> 'key'`).run(batchId, nodesJson)
  statement(db, `DELETE FROM nodes_fts WHERE rowid IN (SELECT n.id FROM json_each(?) j JOIN nodes n ON n.key = j.value ->> 'key')`).run(nodesJson)
  const changed = statement(db, `UPDATE nodes SET type = j.value ->> 'type', label = coalesce(j.value ->> 'label', nodes.key),
      props = coalesce(j.value -> 'properties', '{}'), changed_at = @now
    FROM json_each(@nodes) j WHERE nodes.key = j.value ->> 'key'`).run({ nodes: nodesJson, now }).changes
  statement(db, `INSERT INTO nodes_fts (rowid, label, text) SELECT ${NODE_TEXT} FROM json_each(?) j JOIN nodes n ON n.key = j.value ->> 'key'`).run(nodesJson)
  return changed
}

/** Inserts edge tuples in file order, numbered from `base + 1`; edges with a missing endpoint are left out. */
export function insertEdgesInOrder(db: Db, edgesJson: string, now: number, base: number): number {
  addEdgeTypesOf(db, edgesJson, '$[2]')
  return statement(db, `INSERT INTO edges (id, source, target, type, type_code, props, weight, created_at, changed_at)
    SELECT @base + row_number() OVER (ORDER BY j.id), s.id, t.id, j.value ->> 2, (SELECT code FROM edge_types WHERE name = j.value ->> 2), j.value -> 3, coalesce(j.value ->> 4, 1), coalesce(j.value ->> 5, @now), nullif(coalesce(j.value ->> 6, @now), coalesce(j.value ->> 5, @now))
    FROM json_each(@edges) j
    JOIN nodes s ON s.key = j.value ->> 0
    JOIN nodes t ON t.key = j.value ->> 1
    ORDER BY j.id`).run({ edges: edgesJson, now, base }).changes
}

/** Widens the id ranges an import batch inserted (ids are contiguous: the import holds the store's writes). */
export function recordImportRanges(db: Db, batchId: number, nodes: [number, number] | null, edges: [number, number] | null): void {
  statement(db, `UPDATE batches SET
      first_node_id = coalesce(first_node_id, @nodeFirst), last_node_id = coalesce(@nodeLast, last_node_id),
      first_edge_id = coalesce(first_edge_id, @edgeFirst), last_edge_id = coalesce(@edgeLast, last_edge_id)
    WHERE id = @batchId`).run({ batchId, nodeFirst: nodes?.[0] ?? null, nodeLast: nodes?.[1] ?? null, edgeFirst: edges?.[0] ?? null, edgeLast: edges?.[1] ?? null })
}

/** Of a JSON array of edge tuples, those with an endpoint the store does not have: their index and the missing key. */
export function edgesWithMissingEnd(db: Db, edgesJson: string): { index: number; key: string }[] {
  return statement<[string], { index: number; key: string }>(db, `SELECT CAST(j.key AS INTEGER) AS "index",
      CASE WHEN EXISTS (SELECT 1 FROM nodes s WHERE s.key = j.value ->> 0) THEN j.value ->> 1 ELSE j.value ->> 0 END AS key
    FROM json_each(?) j
    WHERE NOT EXISTS (SELECT 1 FROM nodes s WHERE s.key = j.value ->> 0) OR NOT EXISTS (SELECT 1 FROM nodes t WHERE t.key = j.value ->> 1)`).all(edgesJson)
}

/** Of a JSON array of keys, the indexes of those stored with an id up to `maxId` (before this batch). */
export function keysStoredUpTo(db: Db, keysJson: string, maxId: number): number[] {
  return statement<[string, number], number>(db, `SELECT CAST(j.key AS INTEGER) FROM json_each(?) j JOIN nodes n ON n.key = j.value WHERE n.id <= ?`).pluck().all(keysJson, maxId)
}

/** Undoes a bulk import into an empty store that found problems in abort mode: the store was empty, so empty it is again. */
export function emptyGraphTables(db: Db): void {
  statement(db, 'DELETE FROM embedding_models').run()
  statement(db, 'DELETE FROM edges').run()
  statement(db, 'DELETE FROM nodes').run()
}
