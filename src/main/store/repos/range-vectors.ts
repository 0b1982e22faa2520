import type { Db } from '../db.ts'
import { readChunk } from './embeddings.ts'
import { statement } from './statements.ts'

export interface RangeSlot { modelId: number; model: string; dim: number; chunkSize: number; nodeId: number; position: number; norm: number }

/** The vectors of the nodes in a range, by model and position (so each chunk is read once). */
export function vectorSlotsInRange(db: Db, first: number, last: number): RangeSlot[] {
  return statement<[number, number], RangeSlot>(db, `SELECT v.model_id AS modelId, m.name AS model, m.dim, m.chunk_size AS chunkSize, v.node_id AS nodeId, v.position, v.norm
    FROM embedding_vectors v JOIN embedding_models m ON m.id = v.model_id WHERE v.node_id BETWEEN ? AND ? ORDER BY v.model_id, v.position`).all(first, last)
}

export function chunkBytes(db: Db, modelId: number, chunk: number): Buffer | undefined {
  return readChunk(db, modelId, chunk)
}

export function keepVector(db: Db, batchId: number, nodeId: number, model: string, vector: Uint8Array, norm: number): void {
  statement(db, 'INSERT INTO undone_vectors (batch_id, node_id, model, vector, norm) VALUES (?, ?, ?, ?, ?)').run(batchId, nodeId, model, vector, norm)
}

export function keptVectors(db: Db, batchId: number): { nodeId: number; model: string; vector: Buffer; norm: number }[] {
  return statement<[number], { nodeId: number; model: string; vector: Buffer; norm: number }>(db,
    'SELECT node_id AS nodeId, model, vector, norm FROM undone_vectors WHERE batch_id = ? AND length(vector) > 0 ORDER BY model, node_id').all(batchId)
}

// An import that sets a vector on a node already there keeps, under the import's own batch, the
// vector the node had before (an empty blob: none), once per node and model: its undo puts it back.

export function keepPriorVector(db: Db, importBatchId: number, nodeId: number, model: string, vector: Uint8Array | null, norm: number): void {
  statement(db, 'INSERT OR IGNORE INTO undone_vectors (batch_id, node_id, model, vector, norm) VALUES (?, ?, ?, ?, ?)')
    .run(importBatchId, nodeId, model, vector ?? Buffer.alloc(0), norm)
}

/** The vectors an import overwrote, of nodes that are still there and outside its own id range (those go by range). */
export function priorVectors(db: Db, importBatchId: number, first: number, last: number): { nodeId: number; model: string; vector: Buffer; norm: number }[] {
  return statement<[number, number, number], { nodeId: number; model: string; vector: Buffer; norm: number }>(db, `SELECT u.node_id AS nodeId, u.model, u.vector, u.norm
    FROM undone_vectors u JOIN nodes n ON n.id = u.node_id WHERE u.batch_id = ? AND u.node_id NOT BETWEEN ? AND ? ORDER BY u.model, u.node_id`).all(importBatchId, first, last)
}
