import type { Db } from '../db.ts'
import { allChunks, allSlots, findSlot, readChunk, type ModelRow } from '../repos/embeddings.ts'
import { dotAt } from './exact-knn.ts'
import { TopK, type Neighbour } from './top-k.ts'

/**
 * The exact answer straight from the stored chunks, for a reader whose copy of the model is still
 * loading: slower (every chunk read for each call) but it holds nobody up, and it scores exactly as
 * the in-memory search does (same unit vectors, same float64 sums, same tie order).
 */
export interface SqlKnnQuery {
  unit: Float32Array
  k: number
  /** Node ids that may be answered; null = all. */
  allowed: ReadonlySet<number> | null
  excludeNodeId: number
}

const floatsOf = (bytes: Buffer) => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))

export function sqlKnn(db: Db, model: ModelRow, query: SqlKnnQuery): { items: Neighbour[]; count: number } {
  const nodeAt = new Map<number, number>()
  for (const [position, nodeId] of allSlots(db, model.id)) nodeAt.set(position, nodeId)
  const top = new TopK(query.k)
  const { dim, chunk_size: chunkSize } = model
  for (const [chunk, bytes] of allChunks(db, model.id)) {
    const floats = floatsOf(bytes)
    const first = chunk * chunkSize
    for (let i = 0; i < chunkSize && (i + 1) * dim <= floats.length; i++) {
      const nodeId = nodeAt.get(first + i)
      if (nodeId === undefined || nodeId === query.excludeNodeId || (query.allowed !== null && !query.allowed.has(nodeId))) continue
      const score = dotAt(floats, i * dim, query.unit, dim)
      if (top.admits(score, nodeId)) top.offer({ position: first + i, nodeId, score })
    }
  }
  return { items: top.items, count: nodeAt.size }
}

/** A node's stored unit vector of this model, read from its chunk; undefined when it has none. */
export function sqlUnitOf(db: Db, model: ModelRow, nodeId: number): Float32Array | undefined {
  const slot = findSlot(db, model.id, nodeId)
  if (!slot) return undefined
  const bytes = readChunk(db, model.id, Math.floor(slot.position / model.chunk_size))
  if (!bytes) return undefined
  const from = (slot.position % model.chunk_size) * model.dim
  return floatsOf(bytes).slice(from, from + model.dim)
}
