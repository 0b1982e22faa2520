import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StoreHost } from '../../../../src/main/store/index.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'

// Readers traverse while the writer commits batches. Each batch adds `size` edges of its own type
// (b<i>) from one hub: a traversal must see every edge of a batch or none, and the batches it sees
// must be the first ones, in order (snapshots are of commits, never of half a batch). Some batches
// delete a node at the hub (and its edges, in the same batch): no edge may then come back with an
// end that the same answer's nodes lack, as it would if the nodes were read after the edges.
const TARGETS = 400
let folder: string
let host: StoreHost

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'graphkeep-snapshot-'))
  host = await StoreHost.open({ file: join(folder, 'graph.db'), readerCount: 2 })
  await host.store.nodes.createMany({ nodes: Array.from({ length: TARGETS }, (_, i) => ({ key: `t${i}`, type: 'target' })) })
  await host.readers?.whenReady()
})
afterAll(async () => {
  await host.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Edge counts by batch type, as one read saw them; checks all-or-none and prefix order. */
function expectWholeBatches(seen: Map<string, number>, sizes: number[], label: string): void {
  let visible = 0
  for (const [type, count] of seen) {
    const batch = Number(type.slice(1))
    expect(count, `${label}: batch ${batch} seen with ${count} of ${sizes[batch]} edges`).toBe(sizes[batch])
    visible = Math.max(visible, batch + 1)
  }
  for (let batch = 0; batch < visible; batch++) expect(seen.has(`b${batch}`), `${label}: batch ${batch} missing before ${visible - 1}`).toBe(true)
}

const countsOf = (types: string[]) => {
  const counts = new Map<string, number>()
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1)
  return counts
}

let run = 0

describe('readers beside the writer', () => {
  it('see each batch whole or not at all, in commit order, whatever the interleaving (neighbourhood, expand, neighbour types)', async () => {
    const schedule = fc.array(fc.record({ size: fc.integer({ min: 1, max: TARGETS }), readsBefore: fc.integer({ min: 0, max: 6 }), pause: fc.integer({ min: 0, max: 3 }), deleteOne: fc.boolean() }), { minLength: 2, maxLength: 12 })
    await fc.assert(fc.asyncProperty(schedule, async (batches) => {
      const hub = `hub${run++}`
      await host.store.nodes.create({ key: hub, type: 'hub' })
      const doomed = batches.map((_, i) => `${hub}-x${i}`)
      await host.store.nodes.createMany({ nodes: doomed.map((key) => ({ key, type: 'doomed' })) })
      await host.store.edges.createMany({ edges: doomed.map((key) => ({ source: hub, target: key, type: 'x' })) })
      const sizes = batches.map((b) => b.size)
      let writing = true
      let reads = 0
      const readOnce = async () => {
        const [around, page, types] = await Promise.all([
          host.store.graph.neighbourhood({ keys: [hub], depth: 1, direction: 'out', nodeBudget: 50_000, mode: 'subgraph' }),
          host.store.graph.expand({ key: hub, direction: 'out', limit: 10_000, offset: 0 }),
          host.store.graph.neighbourTypes({ key: hub }),
        ])
        reads++
        const present = new Set(around.nodes.map((n) => n.key))
        for (const edge of [...around.edges, ...page.edges]) expect(present.has(edge.target) || page.nodes.some((n) => n.key === edge.target), `edge ${edge.id} to a node not returned`).toBe(true)
        const batchTypes = (types: string[]) => types.filter((type) => type.startsWith('b'))
        expectWholeBatches(countsOf(batchTypes(around.edges.map((e) => e.type))), sizes, 'neighbourhood')
        expectWholeBatches(countsOf(batchTypes(page.edges.map((e) => e.type))), sizes, 'expand')
        expect(page.total).toBe(page.edges.length)
        expectWholeBatches(new Map(types.types.filter((t) => t.type.startsWith('b')).map((t) => [t.type, t.count])), sizes, 'neighbourTypes')
      }
      // Reads in a loop the whole time, plus bursts placed by the schedule around each commit.
      const loop = (async () => {
        while (writing) await readOnce()
      })()
      const bursts: Promise<void>[] = []
      for (const [i, batch] of batches.entries()) {
        for (let r = 0; r < batch.readsBefore; r++) bursts.push(readOnce())
        const edges = Array.from({ length: batch.size }, (_, j) => ({ source: hub, target: `t${j}`, type: `b${i}` }))
        const commit = host.store.edges.createMany({ edges })
        const removal = batch.deleteOne ? host.store.nodes.delete({ key: doomed[i] as string }) : null
        for (let r = 0; r < batch.readsBefore; r++) bursts.push(readOnce())
        await commit
        await removal
        if (batch.pause > 0) await new Promise((resolve) => setTimeout(resolve, batch.pause))
      }
      writing = false
      await Promise.all([loop, ...bursts])
      // Once every commit was answered, every read sees every batch.
      const final = await host.store.graph.neighbourTypes({ key: hub })
      expect(new Map(final.types.filter((t) => t.type.startsWith('b')).map((t) => [t.type, t.count]))).toEqual(new Map(sizes.map((size, i) => [`b${i}`, size])))
      expect(reads).toBeGreaterThan(0)
    }), propertyRun('snapshot consistency', 10))
  }, 300_000)
})
