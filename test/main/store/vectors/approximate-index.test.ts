import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { lcg } from '../../../helpers/random-vectors.ts'

const dir = useTempDir('graphkeep-vector-index-')
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
const N = 20_000
const DIM = 24

/** Clustered vectors (as real embeddings are), from a printed seed. */
function dataset(s: number, n = N) {
  const next = lcg(s)
  const random = () => next() - 0.5
  const centres = Array.from({ length: 200 }, () => Array.from({ length: DIM }, random))
  return Array.from({ length: n }, (_, i) => (centres[i % 200] as number[]).map((c) => c + random() * 0.6))
}

function fill(store: GraphStore, vectors: number[][]) {
  for (let from = 0; from < vectors.length; from += 10_000) {
    const slice = vectors.slice(from, from + 10_000)
    store.nodes.createMany({ nodes: slice.map((_, i) => ({ key: `n${from + i}`, type: i % 3 === 0 ? 'a' : 'b' })) })
    store.embeddings.set({ model: 'm', items: slice.map((vector, i) => ({ key: `n${from + i}`, vector })) })
  }
}

function recallAt10(store: GraphStore, queries: number): number {
  let hits = 0
  for (let q = 0; q < queries; q++) {
    const key = `n${(q * 7919) % N}`
    const exact = new Set(store.similar.nodes({ model: 'm', key, k: 10, method: 'exact' }).items.map((h) => h.node.key))
    const approximate = store.similar.nodes({ model: 'm', key, k: 10, method: 'approximate' })
    expect(approximate.method).toBe('approximate')
    hits += approximate.items.filter((h) => exact.has(h.node.key)).length
  }
  return hits / (queries * 10)
}

describe('the approximate index', () => {
  it(`reaches recall@10 >= 0.95, survives close and reopen without a rebuild, and is consistent after a restore (seed ${seed})`, async () => {
    console.log(`approximate-index seed: ${seed}`)
    const file = join(dir(), 'graph.db')
    const events: AppEvent[] = []
    const onEvent = (event: AppEvent) => void events.push(event)
    let store = openStore({ file, onEvent })
    try {
      fill(store, dataset(seed))
      expect(store.similar.buildIndex({ model: 'm' }).state).toBe('building')
      // The build runs in a thread of its own: this thread stays free, and takes writes meanwhile…
      const utilisation = performance.eventLoopUtilization()
      const written = dataset(seed + 2, 3)
      store.embeddings.set({ model: 'm', items: written.map((vector, i) => ({ key: `n${7 + i}`, vector })) })
      const built = await store.vectors.settled('m')
      const busy = performance.eventLoopUtilization(utilisation).utilization
      console.log(`this thread was busy ${(busy * 100).toFixed(0)}% of the build`)
      expect(busy).toBeLessThan(0.5)
      expect(built).toMatchObject({ state: 'ready', size: N, vectors: N, loadedFromFile: false })
      // …which the installed index has caught up with.
      for (const [i, vector] of written.entries()) {
        expect(store.similar.nodes({ model: 'm', vector, k: 1, method: 'approximate' }).items[0]?.node.key).toBe(`n${7 + i}`)
      }
      expect(events.some((e) => e.type === 'progress' && e.jobId === 'vector-index:m' && e.done === N)).toBe(true)
      const recall = recallAt10(store, 200)
      console.log(`recall@10 on ${N} x ${DIM}: ${recall}; build ${built.buildSeconds?.toFixed(2)} s`)
      expect(recall).toBeGreaterThanOrEqual(0.95)
    } finally {
      store.close()
    }
    expect(existsSync(join(`${file}.vectors`, 'model-1.usearch'))).toBe(true)

    // Reopened: the index comes from its file; nothing is built.
    events.length = 0
    store = openStore({ file, onEvent })
    try {
      expect(store.similar.indexStatus({ model: 'm' })).toMatchObject({ state: 'ready', size: N, loadedFromFile: true })
      expect(recallAt10(store, 50)).toBeGreaterThanOrEqual(0.95)
      expect(events.filter((e) => e.type === 'progress')).toEqual([])

      // Writes after a backup: the index follows them…
      const backup = await store.backup.create()
      const moved = dataset(seed + 1, 2000)
      store.embeddings.set({ model: 'm', items: moved.map((vector, i) => ({ key: `n${i}`, vector })) })
      store.embeddings.delete({ model: 'm', keys: Array.from({ length: 500 }, (_, i) => `n${2000 + i}`) })
      const afterWrites = store.similar.nodes({ model: 'm', vector: moved[5] as number[], k: 1, method: 'approximate' })
      expect(afterWrites.items[0]?.node.key).toBe('n5')
      expect(store.similar.indexStatus({ model: 'm' })).toMatchObject({ size: N - 500, vectors: N - 500 })

      // …and a restore brings back the backed-up vectors, the index consistent with them.
      await store.backup.restore({ id: backup.id })
      const restored = store.similar.indexStatus({ model: 'm' })
      expect(restored).toMatchObject({ state: 'ready', size: N, vectors: N })
      const original = dataset(seed)
      for (const i of [5, 2100, 12_345]) {
        const found = store.similar.nodes({ model: 'm', vector: original[i] as number[], k: 1, method: 'approximate' })
        expect(found.items[0]?.node.key).toBe(`n${i}`)
      }
      expect(recallAt10(store, 50)).toBeGreaterThanOrEqual(0.95)
    } finally {
      store.close()
    }
  }, 120_000)
})
