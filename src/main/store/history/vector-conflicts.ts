import type { Db } from '../db.ts'
import { laterKeptVectors, type KeptVector } from '../repos/range-vectors.ts'
import type { Range } from '../repos/range-undo.ts'
import { VectorWriter } from '../vectors/vector-writer.ts'

const sameVector = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))

/**
 * Nodes whose vectors a revert of `batchId` would change (its own, and those of the nodes it would
 * delete: `deletedNodes`, `range`) and that later batches changed since. The first later batch kept
 * each vector as the revert's batch left it; when it is still that, the later changes were undone
 * and nothing stands in the way. Every change of a stored node's vector keeps such a row, so a
 * vector no later row names is as the batch left it.
 */
export function vectorsChangedSince(db: Db, batchId: number, deletedNodes: readonly number[], range: Range): number[] {
  const firstLater = new Map<string, KeptVector>()
  for (const row of laterKeptVectors(db, batchId, deletedNodes, range)) {
    const pair = `${row.nodeId}\u0000${row.model}`
    if (!firstLater.has(pair)) firstLater.set(pair, row)
  }
  if (firstLater.size === 0) return []
  const reader = new VectorWriter(db, 0)
  const changed = new Set<number>()
  for (const { nodeId, model: name, vector, norm } of firstLater.values()) {
    const model = reader.model(name)
    const current = model ? reader.current(model, nodeId) : undefined
    const same = current ? vector.length > 0 && current.norm === norm && sameVector(new Uint8Array(current.unit.buffer), vector) : vector.length === 0
    if (!same) changed.add(nodeId)
  }
  return [...changed]
}
