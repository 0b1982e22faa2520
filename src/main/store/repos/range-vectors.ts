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
    'SELECT node_id AS nodeId, model, vector, norm FROM undone_vectors WHERE batch_id = ? ORDER BY model, node_id').all(batchId)
}
