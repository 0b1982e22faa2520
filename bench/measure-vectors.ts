// Embeddings (#14): exact and approximate 10-NN over N x D vectors in a real store, the index's build
// time, recall@10 against the exact answer, and the store's open time with a saved index.
// Alone: node bench/measure-vectors.ts [--vectors 100000 --dim 384 --queries 200 --seed 42]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { openStore, type GraphStore } from '../src/main/store/index.ts'
import { mulberry32 } from './prng.ts'
import { summarise, type LatencySummary } from './stats.ts'

export interface VectorBench {
  vectors: number
  dim: number
  insertSeconds: number
  exact: LatencySummary
  approximate: LatencySummary
  recallAt10: number
  buildSeconds: number
  /** Share of the time the store's own thread was busy while the index built (it builds in a thread of its own). */
  busyWhileBuilding: number
  openWithIndexMs: number
  firstSearchAfterOpenMs: number
}

/** Clustered vectors, as sentence embeddings are (uniform noise would be no one's data). */
function* clusteredVectors(count: number, dim: number, seed: number): Generator<number[]> {
  const random = mulberry32(seed)
  const centres = Array.from({ length: 1000 }, () => Array.from({ length: dim }, () => random() - 0.5))
  for (let i = 0; i < count; i++) yield (centres[Math.floor(random() * centres.length)] as number[]).map((c) => c + (random() - 0.5) * 0.8)
}

function fill(store: GraphStore, count: number, dim: number, seed: number): void {
  const vectors = clusteredVectors(count, dim, seed)
  for (let from = 0; from < count; from += 10_000) {
    const n = Math.min(10_000, count - from)
    store.nodes.createMany({ nodes: Array.from({ length: n }, (_, i) => ({ key: `v${from + i}`, type: (from + i) % 4 === 0 ? 'a' : 'b' })) })
    store.embeddings.set({ model: 'bench', items: Array.from({ length: n }, (_, i) => ({ key: `v${from + i}`, vector: vectors.next().value as number[] })) })
  }
}

const timed = <T>(run: () => T): [T, number] => {
  const started = performance.now()
  const value = run()
  return [value, performance.now() - started]
}

export async function measureVectors({ vectors = 100_000, dim = 384, queries = 200, seed = 42, log = console.log } = {}): Promise<VectorBench> {
  const folder = mkdtempSync(join(tmpdir(), 'graphkeep-bench-vectors-'))
  const file = join(folder, 'vectors.db')
  try {
    let store = openStore({ file })
    log(`inserting ${vectors} x ${dim} vectors…`)
    const [, insertMs] = timed(() => fill(store, vectors, dim, seed))
    const random = mulberry32(seed ^ 0x5bd1e995)
    const keys = Array.from({ length: queries }, () => `v${Math.floor(random() * vectors)}`)
    store.similar.nodes({ model: 'bench', key: keys[0] as string, k: 10, method: 'exact' }) // loads the vectors into memory
    const exactTimes = new Float64Array(queries)
    const truth = keys.map((key, i) => {
      const [found, ms] = timed(() => store.similar.nodes({ model: 'bench', key, k: 10, method: 'exact' }))
      exactTimes[i] = ms
      return new Set(found.items.map((hit) => hit.node.key))
    })
    log('building the approximate index…')
    const utilisation = performance.eventLoopUtilization()
    store.similar.buildIndex({ model: 'bench' })
    const built = await store.vectors.settled('bench')
    const busyWhileBuilding = performance.eventLoopUtilization(utilisation).utilization
    const approximateTimes = new Float64Array(queries)
    let hits = 0
    keys.forEach((key, i) => {
      const [found, ms] = timed(() => store.similar.nodes({ model: 'bench', key, k: 10, method: 'approximate' }))
      approximateTimes[i] = ms
      hits += found.items.filter((hit) => truth[i]?.has(hit.node.key)).length
    })
    store.close()
    const [reopened, openMs] = timed(() => openStore({ file }))
    store = reopened
    const [status, firstMs] = timed(() => store.similar.nodes({ model: 'bench', key: keys[0] as string, k: 10, method: 'approximate' }))
    if (status.method !== 'approximate') throw new Error('the saved index was not used after reopening')
    store.close()
    return {
      vectors, dim, insertSeconds: insertMs / 1000,
      exact: summarise(exactTimes), approximate: summarise(approximateTimes), recallAt10: hits / (queries * 10),
      buildSeconds: built.buildSeconds ?? NaN, busyWhileBuilding, openWithIndexMs: openMs, firstSearchAfterOpenMs: firstMs,
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

export function formatVectors(result: VectorBench): string {
  const ms = (s: LatencySummary) => `p50 ${s.p50.toFixed(2)} ms, p90 ${s.p90.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`
  return [
    `Vectors ${result.vectors} x ${result.dim} (clustered; insert ${result.insertSeconds.toFixed(1)} s)`,
    `  exact 10-NN:        ${ms(result.exact)} (target p50 <= 15 ms at 100k x 384)`,
    `  approximate 10-NN:  ${ms(result.approximate)}, recall@10 ${result.recallAt10.toFixed(3)}`,
    `  index build:        ${result.buildSeconds.toFixed(1)} s in its own thread; the store's thread busy ${(result.busyWhileBuilding * 100).toFixed(0)}% meanwhile`,
    `  open with index:    ${result.openWithIndexMs.toFixed(0)} ms; first search after open (loads vectors + saved index) ${result.firstSearchAfterOpenMs.toFixed(0)} ms`,
  ].join('\n')
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { vectors: { type: 'string', default: '100000' }, dim: { type: 'string', default: '384' }, queries: { type: 'string', default: '200' }, seed: { type: 'string', default: '42' } } })
  const result = await measureVectors({ vectors: Number(values.vectors), dim: Number(values.dim), queries: Number(values.queries), seed: Number(values.seed) })
  console.log(formatVectors(result))
}
