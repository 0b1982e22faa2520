import type { Db } from '../db.ts'
import type { Range } from '../repos/range-undo.ts'
import { chunkBytes, keepVector, keptVectorsOfLiveNodes, keptVectorsOfNode, vectorSlotsInRange, vectorSlotsOfNodes, type KeptVector, type RangeSlot } from '../repos/range-vectors.ts'
import type { ModelRow } from '../repos/embeddings.ts'
import { VectorWriter } from '../vectors/vector-writer.ts'

// Vectors as they were before a batch changed them (see repos/range-vectors.ts): kept when a batch
// takes them away or overwrites them, put back by its undo (or by the redo, from the undo's rows).

function keepSlots(db: Db, batchId: number, slots: RangeSlot[]): number {
  let chunkId = ''
  let bytes: Buffer | undefined
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

/** Keeps the vectors of the nodes an import's undo takes out by range (their rows go with the nodes), for a redo. */
export function keepVectors(db: Db, batchId: number, nodes: Range): number {
  return nodes ? keepSlots(db, batchId, vectorSlotsInRange(db, nodes[0], nodes[1])) : 0
}

/** Keeps the vectors of nodes about to be deleted one by one (SQLite's cascade would drop them unseen). */
export function keepVectorsOfNodes(db: Db, batchId: number, nodeIds: readonly number[]): number {
  return nodeIds.length ? keepSlots(db, batchId, vectorSlotsOfNodes(db, nodeIds)) : 0
}

/** Keeps a node's vector of `model` as it is now (or that it has none), before `batchId` changes it. */
export function keepCurrentVector(db: Db, writer: VectorWriter, model: ModelRow | undefined, nodeId: number, batchId: number, name = model?.name ?? ''): void {
  const current = model ? writer.current(model, nodeId) : undefined
  keepVector(db, batchId, nodeId, name, current ? new Uint8Array(current.unit.buffer) : null, current?.norm ?? 0)
}

/** Writes kept vectors back (their models created again if removed meanwhile), keeping what each replaces under `batchId`. */
function writeBack(db: Db, kept: KeptVector[], batchId: number, now: number): number {
  if (kept.length === 0) return 0
  const writer = new VectorWriter(db, now)
  for (const { nodeId, model: name, vector, norm } of kept) {
    const model = writer.model(name)
    keepCurrentVector(db, writer, model, nodeId, batchId, name)
    if (vector.length === 0) {
      if (model) writer.remove(model, nodeId)
      continue
    }
    const unit = new Float32Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength))
    const row = writer.model(name, unit.length)
    if (row && row.dim === unit.length) writer.put(row, nodeId, unit, norm)
  }
  writer.flush()
  return kept.length
}

/** The undo of `sourceBatchId` (or the redo from its undo's rows): each vector it kept goes back, on the nodes that exist. */
export function putBackVectors(db: Db, sourceBatchId: number, batchId: number, now: number): number {
  return writeBack(db, keptVectorsOfLiveNodes(db, sourceBatchId), batchId, now)
}

/** A deleted node restored: the vectors its delete batch kept. */
export function putBackVectorsOfNode(db: Db, deleteBatchId: number, nodeId: number, batchId: number, now: number): number {
  return writeBack(db, keptVectorsOfNode(db, deleteBatchId, nodeId), batchId, now)
}
