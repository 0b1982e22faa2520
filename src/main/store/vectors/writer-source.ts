import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { findModel } from '../repos/embeddings.ts'
import type { SimilaritySource } from './similarity-source.ts'
import type { VectorRegistry } from './vector-registry.ts'

/**
 * Similarity on the writer's connection. Beside a reader pool the writer answers these only while the
 * readers are starting or paused: then it never loads a model (seconds at 100k vectors, with every
 * write waiting), it answers from the stored chunks unless the vectors are in memory already.
 */
export function writerSource(db: Db, registry: VectorRegistry, pooled: boolean): SimilaritySource {
  return {
    current(name) {
      const entry = pooled ? registry.ifLoaded(name) : registry.current(name)
      if (entry) return { kind: 'memory', vectors: entry.vectors, index: entry.index }
      const model = findModel(db, name)
      if (!model) throw new GraphKeepError('NOT_FOUND', `no model named "${name}" has vectors in this store`)
      return { kind: 'sql', model }
    },
  }
}
