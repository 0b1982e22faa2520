import { join } from 'node:path'
import fc from 'fast-check'
import { connectedComponents } from 'graphology-components'
import pagerankReference from 'graphology-metrics/centrality/pagerank.js'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { RunMetricInput } from '../../../../src/shared/analytics.ts'
import { runMetricInput } from '../../../../src/shared/analytics.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'
import { canonicalPartition, coreNumbersByPeeling, graphologyFollowing, partitionOfGroups, type TestEdge } from './reference.ts'

const dir = useTempDir('graphkeep-analytics-')
const NODE_TYPES = ['person', 'place', 'thing']
const EDGE_TYPES = ['knows', 'near', 'part-of']

// Typed random multigraphs in a real store: several node and edge types, self-loops, parallel edges,
// isolated nodes, and a second round of writes so that the run reads the cache's overlay too.
const typedGraph = fc.integer({ min: 1, max: 20 }).chain((n) => {
  const edge = fc.record({ s: fc.nat(n - 1), t: fc.nat(n - 1), type: fc.constantFrom(...EDGE_TYPES), w: fc.double({ min: 0.1, max: 4, noNaN: true }) })
  return fc.record({
    types: fc.array(fc.constantFrom(...NODE_TYPES), { minLength: n, maxLength: n }),
    edges: fc.array(edge, { maxLength: 40 }),
    later: fc.array(edge, { maxLength: 6 }),
    dropped: fc.array(fc.nat(), { maxLength: 4 }),
    nodeTypes: fc.option(fc.subarray(NODE_TYPES, { minLength: 1 }), { nil: undefined }),
    edgeTypes: fc.option(fc.subarray(EDGE_TYPES, { minLength: 1 }), { nil: undefined }),
    direction: fc.constantFrom('out' as const, 'in' as const, 'both' as const),
  })
})

async function valuesByKey(store: GraphStore, input: RunMetricInput): Promise<Map<string, number>> {
  const run = await store.analytics.run(runMetricInput.parse(input))
  const values = new Map<string, number>()
  for (let offset = 0; offset < run.nodeCount; offset += 1000) {
    const page = store.analytics.values({ runId: run.id, order: 'desc', offset, limit: 1000 })
    for (const row of page.rows) values.set(row.key, row.value)
  }
  expect(values.size).toBe(run.nodeCount)
  return values
}

let storeCount = 0

describe('metric runs through the store equal references on the scoped graph', () => {
  it('PageRank, degree, weak components and k-core, with node and edge type scopes and a direction', async () => {
    await fc.assert(
      fc.asyncProperty(typedGraph, async (g) => {
        const store = openStore({ file: join(dir(), `g${storeCount++}.db`) })
        try {
          store.nodes.createMany({ nodes: g.types.map((type, i) => ({ key: `n${i}`, type })) })
          const add = (edges: typeof g.edges) => edges.length > 0 && store.edges.createMany({ edges: edges.map((e) => ({ source: `n${e.s}`, target: `n${e.t}`, type: e.type, weight: e.w })) })
          add(g.edges)
          await store.analytics.run(runMetricInput.parse({ algorithm: 'degree' })) // builds the cache before the later writes
          add(g.later)
          // Edge ids as the store gave them (createMany need not number them in input order).
          const listed = () => store.edges.list({ order: 'asc', limit: 1000 }).items
          const all = listed()
          for (const d of g.dropped) if (all.length > 0) store.edges.delete({ id: all[d % all.length]!.id })
          const index = (key: string) => Number(key.slice(1))
          const live = listed().map((e) => ({ s: index(e.source), t: index(e.target), type: e.type, w: e.weight }))

          // The scoped graph by hand: kept nodes renumbered densely in key order of their ids.
          const kept = g.types.map((type, i) => [type, i] as const).filter(([type]) => !g.nodeTypes || g.nodeTypes.includes(type)).map(([, i]) => i)
          const dense = new Map(kept.map((node, i) => [node, i]))
          const edges: TestEdge[] = live
            .filter((e) => dense.has(e.s) && dense.has(e.t) && (!g.edgeTypes || g.edgeTypes.includes(e.type)))
            .map((e) => ({ s: dense.get(e.s)!, t: dense.get(e.t)!, w: e.w }))
          const n = kept.length
          const keyOf = (i: number) => `n${kept[i]}`
          const scope = { nodeTypes: g.nodeTypes, edgeTypes: g.edgeTypes, direction: g.direction }
          const inOrder = (values: Map<string, number>) => Array.from({ length: n }, (_, i) => values.get(keyOf(i)) ?? NaN)

          const pagerank = inOrder(await valuesByKey(store, { algorithm: 'pagerank', params: { tolerance: 1e-12, maxIterations: 1000 }, scope }))
          // graphology gives up on an empty graph ("failed to converge"); ours has nothing to rank.
          const expected = n === 0 ? {} : pagerankReference(graphologyFollowing(n, edges, g.direction), { tolerance: 1e-12 / n, maxIterations: 1000, getEdgeWeight: null })
          pagerank.forEach((value, i) => expect(value, keyOf(i)).toBeCloseTo(expected[String(i)]!, 8))

          const weighted = inOrder(await valuesByKey(store, { algorithm: 'degree', params: { mode: 'out', weighted: true }, scope }))
          weighted.forEach((value, i) => expect(value).toBeCloseTo(edges.filter((e) => e.s === i).reduce((sum, e) => sum + e.w, 0), 9))

          const weak = inOrder(await valuesByKey(store, { algorithm: 'weakComponents', scope }))
          expect(canonicalPartition(weak)).toEqual(partitionOfGroups(n, connectedComponents(graphologyFollowing(n, edges, 'out'))))

          expect(inOrder(await valuesByKey(store, { algorithm: 'kcore', scope }))).toEqual(coreNumbersByPeeling(n, edges))
        } finally {
          store.close()
        }
      }),
      propertyRun('store metrics', 40),
    )
  })
})
