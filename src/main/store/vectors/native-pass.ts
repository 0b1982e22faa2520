import usearch from 'usearch'
import type { ModelVectors } from './model-vectors.ts'
import { quantizeScaled, scaleFor } from './quantize.ts'

/**
 * A native (SIMD) brute-force pass over every stored vector: the positions of the `count` best by
 * its own approximate score, best first, and a bound on what any other position can score exactly:
 * at most `boundary + slack`.
 */
export interface FirstPass {
  positions: Uint32Array
  boundary: number
  slack: number
}

/** Allows for float64 rounding in the rescoring and in the bound's own arithmetic. */
const RESCORE_SLACK = 1e-7

interface Found {
  keys: BigUint64Array
  distances: Float32Array
}

function search(dataset: Float32Array | Int8Array, query: Float32Array | Int8Array, dim: number, count: number, metric: 'cos' | 'ip'): Found {
  // The binding reads from the start of each array's buffer: every view passed here starts at 0.
  const kind = metric === 'cos' ? usearch.MetricKind.Cos : usearch.MetricKind.IP
  return usearch.exactSearch(dataset, query, dim, count, kind, 0) as Found
}

const positionsOf = (found: Found) => Uint32Array.from(found.keys, Number)

/**
 * Int8 inner products: exact integers (exact in the binding's float32 distances up to 1,040
 * dimensions; beyond, their rounding is allowed for). With a = round(x·S) and b = round(q·s):
 * x·q = a·b/(S·s) + (x − a/S)·q + (a/S)·(q − b/s), so x·q ≤ a·b/(S·s) + εx + (1 + εx)·εq.
 */
export function int8Pass(vectors: ModelVectors, unit: Float32Array, count: number): FirstPass {
  const { dim, length } = vectors
  const qInt8 = new Int8Array(dim)
  const queryScale = scaleFor(unit, 0, dim)
  const queryError = quantizeScaled(unit, 0, dim, queryScale, qInt8, 0)
  const found = search(vectors.int8.subarray(0, length * dim), qInt8, dim, Math.min(count, length), 'ip')
  const lastDot = 1 - (found.distances[found.distances.length - 1] as number)
  const scales = vectors.int8Scale * queryScale
  const boundary = scales === 0 ? 0 : lastDot / scales
  const rounding = scales === 0 ? 0 : (dim * 127 * 127 * 2 ** -23) / scales
  return { positions: positionsOf(found), boundary, slack: vectors.maxError + (1 + vectors.maxError) * queryError + rounding + RESCORE_SLACK }
}

/**
 * Float32 inner products (distance 1 − dot). Its only error is rounding: a sum of `dim` products of
 * unit vectors is within dim·2⁻²⁴ of the exact sum in any order, plus the rounding of 1 − dot.
 */
export function float32Pass(vectors: ModelVectors, unit: Float32Array, count: number): FirstPass {
  const { dim, length } = vectors
  const query = unit.byteOffset === 0 ? unit : unit.slice()
  const found = search(vectors.data.subarray(0, length * dim), query, dim, Math.min(count, length), 'ip')
  const last = found.distances[found.distances.length - 1] as number
  return { positions: positionsOf(found), boundary: 1 - last, slack: (dim + 8) * 2 ** -23 }
}
