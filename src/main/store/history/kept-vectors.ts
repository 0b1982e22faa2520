import type { Db } from '../db.ts'
import type { Range } from '../repos/range-undo.ts'
import { chunkBytes, keepVector, keptVectors, priorVectors, vectorSlotsInRange } from '../repos/range-vectors.ts'
import { VectorWriter } from '../vectors/vector-writer.ts'

/** Keeps the embedding vectors of the nodes an undo takes out (their rows go with the nodes), for a redo. */
export function keepVectors(db: Db, batchId: number, nodes: Range): number {
  if (!nodes) return 0
  let chunkId = ''
  let bytes: Buffer | undefined
  const slots = vectorSlotsInRange(db, nodes[0], nodes[1])
  for (const slot of slots) {
    const chunk = Math.floor(slot.position / slot.chunkSize)
    if (`${slot.modelId}:${chunk}` !== chunkId) {
      chunkId = `${slot.modelId}:${chunk}`
      bytes = chunkBytes(db, slot.modelId, chunk)
    }
    if (!bytes) continue
    const offset = (slot.position % slot.chunkSize) * slot.dim * 4
    keepVector(db, batchId, slot.nodeId, slot.model, bytes.subarray(offset, offset + slot.dim * 4), slot.norm)
  }
  return slots.length
}

/** Puts the kept vectors back (their models created again if they were removed meanwhile). */
export function putBackVectors(db: Db, undoBatchId: number, now: number): number {
  const kept = keptVectors(db, undoBatchId)
  if (kept.length === 0) return 0
  const writer = new VectorWriter(db, now)
  for (const { nodeId, model, vector, norm } of kept) {
    const unit = new Float32Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength))
    const row = writer.model(model, unit.length)
    if (row && row.dim === unit.length) writer.put(row, nodeId, unit, norm)
  }
  writer.flush()
  return kept.length
}

/**
 * An import's undo, for the nodes that were there before it: each vector it set is kept under the
 * undo batch (a redo puts it back with putBackVectors) and the vector the node had before is written
 * back, or the new one removed when it had none.
 */
export function putBackPriorVectors(db: Db, importBatch: { id: number; first_node_id: number | null; last_node_id: number | null }, undoBatchId: number, now: number): number {
  const prior = priorVectors(db, importBatch.id, importBatch.first_node_id ?? 0, importBatch.last_node_id ?? -1)
  if (prior.length === 0) return 0
  const writer = new VectorWriter(db, now)
  for (const { nodeId, model: name, vector, norm } of prior) {
    const model = writer.model(name)
    const current = model ? writer.current(model, nodeId) : undefined
    if (model && current) keepVector(db, undoBatchId, nodeId, name, new Uint8Array(current.unit.buffer), current.norm)
    if (vector.length === 0) {
      if (model) writer.remove(model, nodeId)
      continue
    }
    const unit = new Float32Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength))
    const row = writer.model(name, unit.length)
    if (row && row.dim === unit.length) writer.put(row, nodeId, unit, norm)
  }
  writer.flush()
  return prior.length
}
