import type { Db } from '../db.ts'
import { nodeFilterSql, type NodeFilter } from './node-filter.ts'
import { statement } from './statements.ts'

// Models, where each node's vector sits (position, norm, stamp), and the chunks that hold the
// vectors. The packing and the arithmetic live in store/vectors; here is only the SQL.

export interface ModelRow {
  id: number
  name: string
  dim: number
  chunk_size: number
  version: number
  created_at: number
}

const MODEL_COLUMNS = 'id, name, dim, chunk_size, version, created_at'

export function findModel(db: Db, name: string): ModelRow | undefined {
  return statement<[string], ModelRow>(db, `SELECT ${MODEL_COLUMNS} FROM embedding_models WHERE name = ?`).get(name)
}

export function createModel(db: Db, name: string, dim: number, chunkSize: number, now: number): ModelRow {
  statement(db, 'INSERT INTO embedding_models (name, dim, chunk_size, created_at) VALUES (?, ?, ?, ?)').run(name, dim, chunkSize, now)
  return findModel(db, name) as ModelRow
}

export function deleteModelRow(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM embedding_models WHERE id = ?').run(id).changes > 0
}

export function listModelRows(db: Db): (ModelRow & { count: number })[] {
  return statement<[], ModelRow & { count: number }>(db, `SELECT ${MODEL_COLUMNS},
      (SELECT count(*) FROM embedding_vectors v WHERE v.model_id = m.id) AS count
    FROM embedding_models m ORDER BY name`).all()
}

export function modelVersion(db: Db, id: number): number | undefined {
  return statement<[number], number>(db, 'SELECT version FROM embedding_models WHERE id = ?').pluck().get(id)
}

export function modelVectorCount(db: Db, id: number): number {
  return statement<[number], number>(db, 'SELECT count(*) FROM embedding_vectors WHERE model_id = ?').pluck().get(id) ?? 0
}

export interface SlotRow {
  position: number
  norm: number
  stamp: number
}

export function findSlot(db: Db, modelId: number, nodeId: number): SlotRow | undefined {
  return statement<[number, number], SlotRow>(db, 'SELECT position, norm, stamp FROM embedding_vectors WHERE model_id = ? AND node_id = ?').get(modelId, nodeId)
}

/** The lowest position a deleted vector left free, if any. */
export function lowestFreePosition(db: Db, modelId: number): number | undefined {
  return statement<[number], number>(db, 'SELECT position FROM embedding_free WHERE model_id = ? ORDER BY position LIMIT 1').pluck().get(modelId)
}

export function nextPosition(db: Db, modelId: number): number {
  return statement<[number], number>(db, 'SELECT coalesce(max(position) + 1, 0) FROM embedding_vectors WHERE model_id = ?').pluck().get(modelId) ?? 0
}

export function putSlot(db: Db, modelId: number, nodeId: number, slot: SlotRow): void {
  statement(db, `INSERT INTO embedding_vectors (model_id, node_id, position, norm, stamp) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (model_id, node_id) DO UPDATE SET norm = excluded.norm, stamp = excluded.stamp`).run(modelId, nodeId, slot.position, slot.norm, slot.stamp)
}

export function deleteSlot(db: Db, modelId: number, nodeId: number): boolean {
  return statement(db, 'DELETE FROM embedding_vectors WHERE model_id = ? AND node_id = ?').run(modelId, nodeId).changes > 0
}

export function readChunk(db: Db, modelId: number, chunk: number): Buffer | undefined {
  return statement<[number, number], Buffer>(db, 'SELECT vectors FROM embedding_chunks WHERE model_id = ? AND chunk = ?').pluck().get(modelId, chunk)
}

export function writeChunk(db: Db, modelId: number, chunk: number, vectors: Uint8Array): void {
  statement(db, `INSERT INTO embedding_chunks (model_id, chunk, vectors) VALUES (?, ?, ?)
    ON CONFLICT (model_id, chunk) DO UPDATE SET vectors = excluded.vectors`).run(modelId, chunk, vectors)
}

/** Every [position, node id, stamp] of a model, in position order: what an in-memory copy compares itself with. */
export function allSlots(db: Db, modelId: number): [number, number, number][] {
  return statement<[number], [number, number, number]>(db, 'SELECT position, node_id, stamp FROM embedding_vectors WHERE model_id = ? ORDER BY position')
    .raw()
    .all(modelId)
}

export function* allChunks(db: Db, modelId: number): Generator<[number, Buffer]> {
  yield* statement<[number], [number, Buffer]>(db, 'SELECT chunk, vectors FROM embedding_chunks WHERE model_id = ? ORDER BY chunk').raw().iterate(modelId)
}

export interface NodeSlotRow extends SlotRow {
  model_id: number
  name: string
  dim: number
  chunk_size: number
}

export function slotsOfNode(db: Db, nodeId: number): NodeSlotRow[] {
  return statement<[number], NodeSlotRow>(db, `SELECT v.model_id, m.name, m.dim, m.chunk_size, v.position, v.norm, v.stamp
    FROM embedding_vectors v JOIN embedding_models m ON m.id = v.model_id WHERE v.node_id = ? ORDER BY m.name`).all(nodeId)
}

/** Nodes with and without a vector of this model, per node type. */
export function coverageByType(db: Db, modelId: number): { type: string; with: number; without: number }[] {
  return statement<[number], { type: string; with: number; without: number }>(db, `SELECT n.type,
      count(v.node_id) AS "with", count(*) - count(v.node_id) AS without
    FROM nodes n LEFT JOIN embedding_vectors v ON v.model_id = ? AND v.node_id = n.id
    GROUP BY n.type ORDER BY n.type`).all(modelId)
}

/** Ids of the nodes that pass a type and property filter (for filtered similarity searches). */
export function nodeIdsMatching(db: Db, filter: NodeFilter): number[] {
  const { conditions, params } = nodeFilterSql(filter)
  const sql = `SELECT n.id FROM nodes n ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`
  return statement<unknown[], number>(db, sql).pluck().all(...params)
}

// The v1 table, until converted at open.
export function hasV1Embeddings(db: Db): boolean {
  return statement<[], number>(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'embeddings_v1'").pluck().get() === 1
}

export function v1EmbeddingPage(db: Db, after: [number, string], limit: number): { node_id: number; key: string; model: string; vector: Buffer }[] {
  return statement<[number, string, number], { node_id: number; key: string; model: string; vector: Buffer }>(db, `SELECT e.node_id, n.key, e.model, e.vector
    FROM embeddings_v1 e JOIN nodes n ON n.id = e.node_id WHERE (e.node_id, e.model) > (?, ?) ORDER BY e.node_id, e.model LIMIT ?`).all(...after, limit)
}

export function dropV1Embeddings(db: Db): void {
  db.exec('DROP TABLE embeddings_v1')
}

export function deleteAllEmbeddings(db: Db): void {
  statement(db, 'DELETE FROM embedding_models').run()
}

export function countAllNodes(db: Db): number {
  return statement<[], number>(db, 'SELECT count(*) FROM nodes').pluck().get() ?? 0
}
