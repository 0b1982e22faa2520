import type { Db } from '../db.ts'
import { readChunk } from './embeddings.ts'
import { statement } from './statements.ts'

// `undone_vectors` holds, per batch, node and model, the vector as it was before the batch changed it
// (an empty blob: the node had none), once: the first write of a batch keeps it. Every change of a
// stored node's vector keeps one (a set, a delete, a node deleted with its vectors, an import over a
// stored node, an undo or redo); an import's own new nodes go by its id range instead. The undo of a
// batch puts its rows back; later rows on the same vectors say whether something changed them since.

export interface RangeSlot { modelId: number; model: string; dim: number; chunkSize: number; nodeId: number; position: number; norm: number }
export interface KeptVector { nodeId: number; model: string; vector: Buffer; norm: number }

const SLOTS = `SELECT v.model_id AS modelId, m.name AS model, m.dim, m.chunk_size AS chunkSize, v.node_id AS nodeId, v.position, v.norm
  FROM embedding_vectors v JOIN embedding_models m ON m.id = v.model_id`

/** The vectors of the nodes in a range, by model and position (so each chunk is read once). */
export function vectorSlotsInRange(db: Db, first: number, last: number): RangeSlot[] {
  return statement<[number, number], RangeSlot>(db, `${SLOTS} WHERE v.node_id BETWEEN ? AND ? ORDER BY v.model_id, v.position`).all(first, last)
}

/** The vectors of these nodes, by model and position. */
export function vectorSlotsOfNodes(db: Db, nodeIds: readonly number[]): RangeSlot[] {
  return statement<[string], RangeSlot>(db, `${SLOTS} WHERE v.node_id IN (SELECT value FROM json_each(?)) ORDER BY v.model_id, v.position`).all(JSON.stringify(nodeIds))
}

export function chunkBytes(db: Db, modelId: number, chunk: number): Buffer | undefined {
  return readChunk(db, modelId, chunk)
}

/** Keeps a vector as it was before `batchId` (null: there was none); a second write of the same batch keeps the first. */
export function keepVector(db: Db, batchId: number, nodeId: number, model: string, vector: Uint8Array | null, norm: number): void {
  statement(db, 'INSERT OR IGNORE INTO undone_vectors (batch_id, node_id, model, vector, norm) VALUES (?, ?, ?, ?, ?)')
    .run(batchId, nodeId, model, vector ?? Buffer.alloc(0), norm)
}

/** The vectors a batch kept, of nodes that exist now (empty: the node had none). */
export function keptVectorsOfLiveNodes(db: Db, batchId: number): KeptVector[] {
  return statement<[number], KeptVector>(db, `SELECT u.node_id AS nodeId, u.model, u.vector, u.norm
    FROM undone_vectors u JOIN nodes n ON n.id = u.node_id WHERE u.batch_id = ? ORDER BY u.model, u.node_id`).all(batchId)
}

/** The non-empty vectors a batch kept of one node (a node deleted by that batch, being restored). */
export function keptVectorsOfNode(db: Db, batchId: number, nodeId: number): KeptVector[] {
  return statement<[number, number], KeptVector>(db, `SELECT node_id AS nodeId, model, vector, norm FROM undone_vectors
    WHERE batch_id = ? AND node_id = ? AND length(vector) > 0`).all(batchId, nodeId)
}

/**
 * Rows kept after `batchId` on the vectors a revert of it would change: the batch's own (node, model)
 * pairs, and every vector of the nodes it would delete (those listed and those in `range`). Oldest first.
 */
export function laterKeptVectors(db: Db, batchId: number, deletedNodes: readonly number[], range: [number, number] | null): (KeptVector & { batchId: number })[] {
  return statement<[{ batchId: number; deleted: string; first: number; last: number }], KeptVector & { batchId: number }>(db, `SELECT u.batch_id AS batchId, u.node_id AS nodeId, u.model, u.vector, u.norm
    FROM undone_vectors u WHERE u.batch_id > @batchId AND (
      EXISTS (SELECT 1 FROM undone_vectors own WHERE own.batch_id = @batchId AND own.node_id = u.node_id AND own.model = u.model)
      OR u.node_id IN (SELECT value FROM json_each(@deleted)) OR u.node_id BETWEEN @first AND @last)
    ORDER BY u.batch_id`).all({ batchId, deleted: JSON.stringify(deletedNodes), first: range?.[0] ?? 0, last: range?.[1] ?? -1 })
}

/** Batches after `afterBatch` that kept a vector of one of these nodes, newest first. */
export function batchesKeepingVectorsOf(db: Db, nodeIds: readonly number[], afterBatch: number): number[] {
  return statement<[number, string], number>(db, `SELECT DISTINCT batch_id FROM undone_vectors WHERE batch_id > ?
    AND node_id IN (SELECT value FROM json_each(?)) ORDER BY batch_id DESC LIMIT 20`).pluck().all(afterBatch, JSON.stringify(nodeIds))
}
