import type { ModelVectors } from './model-vectors.ts'
import { float32Pass, int8Pass, type FirstPass } from './native-pass.ts'
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
  /**
   * 'int8': a quantized first pass; 'float32': a native float32 first pass; either rescored in
   * float64 and proven complete by its error bound. 'scan': every vector scored here.
   */
  path: 'int8' | 'float32' | 'scan'
}

/**
 * The cosine of two unit vectors, summed in float64 in index order: every path scores the same way.
 * Unrolled by four with one accumulator, so that the order of the additions (and so every bit of the
 * result) is that of the plain loop.
 */
export function dotAt(data: Float32Array, offset: number, q: Float32Array, dim: number): number {
  let sum = 0
  let j = 0
  for (; j + 4 <= dim; j += 4) {
    const o = offset + j
    sum += (data[o] as number) * (q[j] as number)
    sum += (data[o + 1] as number) * (q[j + 1] as number)
    sum += (data[o + 2] as number) * (q[j + 2] as number)
    sum += (data[o + 3] as number) * (q[j + 3] as number)
  }
  for (; j < dim; j++) sum += (data[offset + j] as number) * (q[j] as number)
  return sum
}

/** Below this many candidates the full scan is as cheap as a first pass. */
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
 * Rescores a first pass's candidates exactly; the answer when the pass's bound proves that no vector
 * outside the candidates (each at most `boundary + slack`) can beat the k-th answer, else null.
 */
function rescore(vectors: ModelVectors, query: KnnQuery, pass: FirstPass): Neighbour[] | null {
  const { dim } = vectors
  const top = new TopK(query.k)
  for (let i = 0; i < pass.positions.length; i++) {
    const position = pass.positions[i] as number
    if (!usable(vectors, query, position)) continue
    const score = dotAt(vectors.data, position * dim, query.unit, dim)
    const nodeId = vectors.nodeIds[position] as number
    if (top.admits(score, nodeId)) top.offer({ position, nodeId, score })
  }
  const worst = top.worst
  return top.full && worst && pass.boundary + pass.slack < worst.score ? top.items : null
}

/**
 * The exact k nearest by cosine. A native int8 pass (SIMD brute force over a quarter of the bytes)
 * picks candidates, which are rescored in float64; the answer is returned only when the int8 error
 * bounds prove that no vector outside the candidates can beat the k-th answer. When they cannot
 * (answers closer together than the int8 error), a native float32 pass, whose only error is
 * rounding, settles it; only ties at the boundary end in a full scan here.
 */
export function exactKnn(vectors: ModelVectors, query: KnnQuery): KnnAnswer {
  const { length } = vectors
  if (query.allowedCount < SCAN_BELOW || length < SCAN_BELOW) return { items: scanKnn(vectors, query), path: 'scan' }
  // Widen the first pass in proportion to how much of the store a filter leaves out.
  const widen = vectors.count / Math.max(1, query.allowedCount)
  const first = Math.ceil((query.k * 4 + 64) * widen)
  for (let candidates = first; candidates <= length / 16; candidates *= 8) {
    const items = rescore(vectors, query, int8Pass(vectors, query.unit, candidates))
    if (items) return { items, path: 'int8' }
  }
  // Answers this close together come in crowds: a wide float32 pass (rescoring is cheap beside it) settles them at once.
  for (let candidates = first * 8; candidates <= length / 4; candidates *= 8) {
    const items = rescore(vectors, query, float32Pass(vectors, query.unit, candidates))
    if (items) return { items, path: 'float32' }
  }
  return { items: scanKnn(vectors, query), path: 'scan' }
}
