import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exactKnn } from '../../../../src/main/store/vectors/exact-knn.ts'
import { quantizePositions, type ModelVectors } from '../../../../src/main/store/vectors/model-vectors.ts'
import { lcg } from '../../../helpers/random-vectors.ts'

/** An in-memory model as the store would load it: node ids from 1, some positions free. */
function modelOf(rows: (number[] | null)[], dim: number): ModelVectors {
  const length = rows.length
  const vectors: ModelVectors = {
    modelId: 1, name: 'm', dim, chunkSize: 8, version: 0, length, count: 0,
    nodeIds: new Float64Array(length), stamps: new Float64Array(length), data: new Float32Array(length * dim),
    int8: new Int8Array(length * dim), int8Scale: 0, error: new Float32Array(length), maxError: 0, positionOf: new Map(),
  }
  rows.forEach((row, position) => {
    if (!row) return
    const norm = Math.hypot(...row) || 1
    row.forEach((x, j) => (vectors.data[position * dim + j] = x / norm))
    const nodeId = 1000 - position // node ids not in position order: ties must follow the id
    vectors.nodeIds[position] = nodeId
    vectors.positionOf.set(nodeId, position)
    vectors.count++
  })
  quantizePositions(vectors, rows.flatMap((row, position) => (row ? [position] : [])))
  return vectors
}

/** The naive reference: score everything in float64 from the stored float32 values, sort, cut. */
function reference(vectors: ModelVectors, unit: Float32Array, k: number, exclude: number, allowed: Uint8Array | null) {
  const all: { nodeId: number; score: number }[] = []
  for (let p = 0; p < vectors.length; p++) {
    if (vectors.nodeIds[p] === 0 || p === exclude || (allowed && !allowed[p])) continue
    let score = 0
    for (let j = 0; j < vectors.dim; j++) score += (vectors.data[p * vectors.dim + j] as number) * (unit[j] as number)
    all.push({ nodeId: vectors.nodeIds[p] as number, score })
  }
  all.sort((a, b) => b.score - a.score || a.nodeId - b.nodeId)
  return all.slice(0, k)
}

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)

describe('exact k-NN', () => {
  it(`equals the naive reference on random data, ties broken by node id (fast-check seed ${seed})`, () => {
    console.log(`exact-knn fast-check seed: ${seed}`)
    const dim = fc.integer({ min: 1, max: 24 })
    const data = dim.chain((d) =>
      fc.record({
        d: fc.constant(d),
        // Few distinct values, many repeats: ties are common.
        rows: fc.array(fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }).filter((r) => r.some((x) => x !== 0)), { freq: 8 }), { minLength: 1, maxLength: 120 }),
        query: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }).filter((r) => r.some((x) => x !== 0)),
        k: fc.integer({ min: 1, max: 15 }),
        exclude: fc.integer({ min: -1, max: 119 }),
        filterSeed: fc.option(fc.integer({ min: 0, max: 2 ** 30 })),
      }),
    )
    fc.assert(
      fc.property(data, ({ d, rows, query, k, exclude, filterSeed }) => {
        const vectors = modelOf(rows, d)
        const unit = Float32Array.from(query, (x) => x / Math.hypot(...query))
        const allowed = filterSeed === null ? null : Uint8Array.from(rows, (_, i) => ((filterSeed >> i % 30) & 1))
        const allowedCount = allowed ? allowed.reduce((n, a, i) => n + (a && rows[i] ? 1 : 0), 0) : vectors.count
        const expected = reference(vectors, unit, k, exclude, allowed)
        const got = exactKnn(vectors, { unit, k, allowed, allowedCount, exclude }).items
        expect(got.map((n) => [n.nodeId, n.score])).toEqual(expected.map((n) => [n.nodeId, n.score]))
      }),
      { seed, numRuns: 300 },
    )
  })

  it('takes the int8 first pass on a large set and still equals the reference, or says it scanned', () => {
    console.log(`exact-knn large-set seed: ${seed}`)
    const next = lcg(seed)
    const random = () => next() - 0.5
    const dim = 32
    const centres = Array.from({ length: 40 }, () => Array.from({ length: dim }, random))
    const rows = Array.from({ length: 6000 }, (_, i) => (i % 97 === 0 ? null : (centres[i % 40] as number[]).map((c) => c + random() * 0.3)))
    // Exact duplicates: equal scores, which only the node id can order.
    for (let i = 1; i < 30; i++) rows[i * 50] = rows[100] as number[]
    const vectors = modelOf(rows, dim)
    const paths = new Set<string>()
    for (let q = 0; q < 20; q++) {
      const position = 100 + q * 37
      if (!rows[position]) continue
      const unit = vectors.data.slice(position * dim, (position + 1) * dim)
      const k = q === 0 ? 40 : 10
      const answer = exactKnn(vectors, { unit, k, allowed: null, allowedCount: vectors.count, exclude: position })
      paths.add(answer.path)
      const expected = reference(vectors, unit, k, position, null)
      expect(answer.items.map((n) => [n.nodeId, n.score])).toEqual(expected.map((n) => [n.nodeId, n.score]))
    }
    expect(paths.has('int8')).toBe(true)
  })

  it(`equals the reference on large sets through every first pass: int8, float32 and scan (fast-check seed ${seed})`, () => {
    const paths = new Set<string>()
    const large = fc.record({
      d: fc.integer({ min: 2, max: 12 }),
      n: fc.integer({ min: 2100, max: 3200 }),
      rowSeed: fc.integer({ min: 1, max: 2 ** 30 }),
      // Near copies of one vector, closer together than the int8 error: only a float32 pass can order them.
      nearCopies: fc.integer({ min: 0, max: 300 }),
      k: fc.integer({ min: 1, max: 30 }),
      filtered: fc.boolean(),
    })
    fc.assert(
      fc.property(large, ({ d, n, rowSeed, nearCopies, k, filtered }) => {
        const random = lcg(rowSeed)
        const base = Array.from({ length: d }, () => Math.round(random() * 6) - 3 || 1)
        const rows = Array.from({ length: n }, (_, i): number[] | null => {
          if (i % 53 === 7) return null
          if (i < nearCopies) return base.map((x, j) => x + (j === i % d ? (Math.round(random() * 8) - 4) * 1e-4 : 0))
          const row = Array.from({ length: d }, () => Math.round(random() * 6) - 3)
          return row.some((x) => x !== 0) ? row : null
        })
        const vectors = modelOf(rows, d)
        const norm = Math.hypot(...base)
        const queries = [Float32Array.from(base, (x) => x / norm), vectors.data.slice((n - 1) * d, n * d)]
        const allowed = filtered ? Uint8Array.from(rows, (_, i) => (i % 7 === 3 ? 0 : 1)) : null
        const allowedCount = allowed ? allowed.reduce((sum, a, i) => sum + (a && rows[i] ? 1 : 0), 0) : vectors.count
        for (const unit of queries) {
          if (!unit.some((x) => x !== 0)) continue
          const answer = exactKnn(vectors, { unit, k, allowed, allowedCount, exclude: 5 })
          paths.add(answer.path)
          const expected = reference(vectors, unit, k, 5, allowed)
          expect(answer.items.map((nb) => [nb.nodeId, nb.score])).toEqual(expected.map((nb) => [nb.nodeId, nb.score]))
        }
      }),
      { seed, numRuns: 40 },
    )
    console.log(`first passes taken: ${[...paths].join(', ')}`)
    expect(paths.has('int8') && paths.has('float32')).toBe(true)
  })
})
