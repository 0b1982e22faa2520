import usearch from 'usearch'
import type { ModelVectors } from './model-vectors.ts'
import { quantizeInto } from './quantize.ts'
import { TopK, type Neighbour } from './top-k.ts'

export interface KnnQuery {
  /** A unit vector of the model's dimension. */
  unit: Float32Array
  k: number
  /** By position: 1 where a vector may be answered (a type or property filter); null = all. */
  allowed: Uint8Array | null
  allowedCount: number
  /** A position never answered (the node the search started from), or -1. */
  exclude: number
}

export interface KnnAnswer {
  items: Neighbour[]
  /** 'int8': a quantized first pass, rescored in float32 and proven complete; 'scan': every vector scored. */
  path: 'int8' | 'scan'
}

/** The cosine of two unit vectors, summed in float64 in index order: every path scores the same way. */
export function dotAt(data: Float32Array, offset: number, q: Float32Array, dim: number): number {
  let sum = 0
  for (let j = 0; j < dim; j++) sum += (data[offset + j] as number) * (q[j] as number)
  return sum
}

/** Allows for float32 rounding in the native first pass, on top of the int8 error bound. */
const ROUNDING_SLACK = 1e-5
/** Below this many candidates the full scan is as cheap as the first pass. */
const SCAN_BELOW = 2048

const usable = (vectors: ModelVectors, query: KnnQuery, position: number) =>
  vectors.nodeIds[position] !== 0 && position !== query.exclude && (query.allowed === null || query.allowed[position] === 1)

/** Scores every allowed vector: the reference path, and the answer for small or narrowly filtered sets. */
export function scanKnn(vectors: ModelVectors, query: KnnQuery): Neighbour[] {
  const { dim, data, nodeIds } = vectors
  const top = new TopK(query.k)
  for (let position = 0; position < vectors.length; position++) {
    if (!usable(vectors, query, position)) continue
    const score = dotAt(data, position * dim, query.unit, dim)
    const nodeId = nodeIds[position] as number
    if (top.admits(score, nodeId)) top.offer({ position, nodeId, score })
  }
  return top.items
}

/**
 * The exact k nearest by cosine. A native int8 pass (usearch's SIMD brute force over a quarter of
 * the bytes) picks candidates, which are rescored in float32; the answer is returned only when the
 * int8 error bounds prove that no vector outside the candidates can beat the k-th answer. Otherwise
 * the candidate set grows, and in the end every vector is scored.
 */
export function exactKnn(vectors: ModelVectors, query: KnnQuery): KnnAnswer {
  const { dim, length } = vectors
  if (query.allowedCount < SCAN_BELOW || length < SCAN_BELOW) return { items: scanKnn(vectors, query), path: 'scan' }
  const qInt8 = new Int8Array(dim)
  const queryError = quantizeInto(query.unit, 0, dim, qInt8, 0)
  const dataset = vectors.int8.subarray(0, length * dim)
  // Widen the first pass in proportion to how much of the store a filter leaves out.
  let candidates = Math.ceil((query.k * 4 + 64) * (vectors.count / Math.max(1, query.allowedCount)))
  while (candidates <= length / 4) {
    const found = usearch.exactSearch(dataset, qInt8, dim, candidates, usearch.MetricKind.Cos, 0) as { keys: BigUint64Array; distances: Float32Array }
    const top = new TopK(query.k)
    for (let i = 0; i < found.keys.length; i++) {
      const position = Number(found.keys[i])
      if (!usable(vectors, query, position)) continue
      top.offer({ position, nodeId: vectors.nodeIds[position] as number, score: dotAt(vectors.data, position * dim, query.unit, dim) })
    }
    const boundary = 1 - (found.distances[found.distances.length - 1] as number)
    const worst = top.worst
    if (top.full && worst && boundary + vectors.maxError + queryError + ROUNDING_SLACK < worst.score) return { items: top.items, path: 'int8' }
    candidates *= 4
  }
  return { items: scanKnn(vectors, query), path: 'scan' }
}
