import { z } from 'zod'
import { node, nodeKey, propertyFilter, typeList } from './domain.ts'

/** A model's vectors have one dimension, fixed by its first vector; this is the largest a store takes. */
export const MAX_DIMENSIONS = 4096
/** Vectors per set call (a file import has no such limit). */
export const MAX_VECTORS_PER_CALL = 10_000
/** Above this many vectors, a model's searches use the approximate (HNSW) index by default. */
export const APPROXIMATE_THRESHOLD = 50_000

export const modelName = z.string().trim().min(1, 'a model needs a name').max(200, 'model names are limited to 200 characters')

/** A vector as sent: checked value by value in the store, so that an error names the row and the value. */
const vectorCandidate = z.unknown()

export const setEmbeddingsInput = z.strictObject({
  model: modelName,
  items: z.array(z.strictObject({ key: nodeKey, vector: vectorCandidate })).min(1).max(MAX_VECTORS_PER_CALL),
})
export type SetEmbeddingsInput = z.input<typeof setEmbeddingsInput>

export const indexState = z.enum(['none', 'building', 'ready'])
export const indexStatus = z.object({
  model: z.string(),
  state: indexState,
  /** Vectors in the index, and in the model. */
  size: z.number(),
  vectors: z.number(),
  /** While building: vectors added so far. */
  done: z.number(),
  /** The index is used by default at this many vectors or more. */
  threshold: z.number(),
  /** Set when the index was loaded from its file at open instead of built. */
  loadedFromFile: z.boolean(),
  buildSeconds: z.number().nullable(),
})
export type IndexStatus = z.infer<typeof indexStatus>

export const modelInfo = z.object({ name: z.string(), dim: z.number(), count: z.number(), createdAt: z.number() })
export type ModelInfo = z.infer<typeof modelInfo>

export const setEmbeddingsResult = z.object({ count: z.number(), batchId: z.number(), model: modelInfo })

export const storedEmbedding = z.object({ model: z.string(), dim: z.number(), norm: z.number(), vector: z.array(z.number()) })
export const nodeEmbeddings = z.object({ key: z.string(), items: z.array(storedEmbedding) })

export const deleteEmbeddingsInput = z.strictObject({ model: modelName, keys: z.array(nodeKey).min(1).max(MAX_VECTORS_PER_CALL) })

export const typeCoverage = z.object({ type: z.string(), with: z.number(), without: z.number() })
export const embeddingCoverage = z.object({
  nodeCount: z.number(),
  models: z.array(modelInfo.extend({ byType: z.array(typeCoverage) })),
})
export type EmbeddingCoverage = z.infer<typeof embeddingCoverage>

export const searchMethod = z.enum(['auto', 'exact', 'approximate'])
export type SearchMethod = z.infer<typeof searchMethod>

export const similarInput = z
  .strictObject({
    model: modelName,
    /** Nodes like this one (itself left out)… */
    key: nodeKey.optional(),
    /** …or like this vector. */
    vector: vectorCandidate.optional(),
    k: z.number().int().min(1).max(200).default(10),
    types: typeList.optional(),
    where: z.array(propertyFilter).max(20).optional(),
    method: searchMethod.default('auto'),
  })
  .refine((input) => (input.key === undefined) !== (input.vector === undefined), 'give either a key or a vector')
export type SimilarInput = z.input<typeof similarInput>

export const similarHit = z.object({ node, score: z.number() })
export type SimilarHit = z.infer<typeof similarHit>

export const similarResult = z.object({
  items: z.array(similarHit),
  /** How the answer was found: 'exact' is always the true k nearest; 'approximate' came from the index. */
  method: z.enum(['exact', 'approximate']),
  model: z.string(),
  vectors: z.number(),
  tookMs: z.number(),
})
export type SimilarResult = z.infer<typeof similarResult>

export const hybridInput = z
  .strictObject({
    model: modelName,
    text: z.string().trim().min(1).max(500).optional(),
    key: nodeKey.optional(),
    k: z.number().int().min(1).max(200).default(20),
    /** 0 = words only, 1 = vectors only; reciprocal rank fusion weighs the two lists by this. */
    weight: z.number().min(0).max(1).default(0.5),
    types: typeList.optional(),
  })
  .refine((input) => input.text !== undefined || input.key !== undefined, 'give a text or a key')
export type HybridInput = z.input<typeof hybridInput>

export const hybridHit = z.object({
  node,
  score: z.number(),
  textRank: z.number().nullable(),
  vectorRank: z.number().nullable(),
  similarity: z.number().nullable(),
})
export type HybridHit = z.infer<typeof hybridHit>
export const hybridResult = z.object({ items: z.array(hybridHit), model: z.string() })
export type HybridResult = z.infer<typeof hybridResult>
