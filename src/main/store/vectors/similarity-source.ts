import type { ModelRow } from '../repos/embeddings.ts'
import type { ModelVectors } from './model-vectors.ts'
import type { Neighbour } from './top-k.ts'

/** An approximate search over a model's vectors (the writer's HNSW index, or a reader's view of the saved one). */
export interface IndexSearch {
  search(vectors: ModelVectors, unit: Float32Array, k: number, accept: (position: number) => boolean): Neighbour[]
}

/**
 * Where a similarity call finds a model's vectors: in memory (with its index, if any), or, while
 * that copy is still loading in the background, in the store's chunks (exact, slower, blocking nobody).
 */
export type SourceEntry =
  | { kind: 'memory'; vectors: ModelVectors; index: IndexSearch | null }
  | { kind: 'sql'; model: ModelRow }

export interface SimilaritySource {
  current(name: string): SourceEntry
}
