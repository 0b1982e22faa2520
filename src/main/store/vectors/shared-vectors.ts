import type { Db } from '../db.ts'
import { listModelRows } from '../repos/embeddings.ts'
import { loadModelVectors, type ModelVectors } from './model-vectors.ts'

/**
 * One model's vectors in SharedArrayBuffers, as the loader thread read them at one version: posted to
 * every reader, which use the same memory without copying. A Map cannot be shared: each reader
 * rebuilds `positionOf` from the node ids.
 */
export type SharedModelVectors = Omit<ModelVectors, 'positionOf'>

/** Every model's vectors, read in one snapshot (run inside a read transaction). */
export function loadSharedVectors(db: Db): SharedModelVectors[] {
  return listModelRows(db).map((model) => {
    const { positionOf: _, ...shared } = loadModelVectors(db, model, 'shared')
    return shared
  })
}

/** A reader's view of shared vectors: the same arrays, and its own map from node id to position. */
export function adoptShared(shared: SharedModelVectors): ModelVectors {
  const positionOf = new Map<number, number>()
  for (let position = 0; position < shared.length; position++) {
    const nodeId = shared.nodeIds[position] as number
    if (nodeId !== 0) positionOf.set(nodeId, position)
  }
  return { ...shared, positionOf }
}
