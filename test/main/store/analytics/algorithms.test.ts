import fc from 'fast-check'
import { connectedComponents, stronglyConnectedComponents } from 'graphology-components'
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js'
import pagerankReference from 'graphology-metrics/centrality/pagerank.js'
import { describe, expect, it } from 'vitest'
import { betweenness } from '../../../../src/main/store/analytics/algorithms/betweenness.ts'
import { clustering } from '../../../../src/main/store/analytics/algorithms/clustering.ts'
import { strongComponents, weakComponents } from '../../../../src/main/store/analytics/algorithms/components.ts'
import { degree } from '../../../../src/main/store/analytics/algorithms/degree.ts'
import { coreNumbers } from '../../../../src/main/store/analytics/algorithms/kcore.ts'
import { pagerank } from '../../../../src/main/store/analytics/algorithms/pagerank.ts'
import { unpaced } from '../../../../src/main/store/analytics/pacer.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import {
  analysisGraphOf, canonicalPartition, clusteringByPairs, coreNumbersByPeeling, graphologyFollowing, graphologySimple, partitionOfGroups, type TestEdge,
} from './reference.ts'

// Random multigraphs: self-loops, parallel edges and isolated nodes all occur at these sizes.
const multigraph = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.record({ s: fc.nat(n - 1), t: fc.nat(n - 1), w: fc.double({ min: 0.1, max: 5, noNaN: true }) }), { maxLength: 60 }),
    direction: fc.constantFrom('out' as const, 'in' as const, 'both' as const),
  }),
)

const close = (actual: ArrayLike<number>, expected: readonly number[], digits = 9) => {
  expect(actual.length).toBe(expected.length)
  Array.from(actual).forEach((value, i) => expect(value, `node ${i}`).toBeCloseTo(expected[i]!, digits))
}
const inOrder = (n: number, byKey: Record<string, number>) => Array.from({ length: n }, (_, i) => byKey[String(i)] ?? NaN)

describe('metrics equal an independent reference on random multigraphs', () => {
  it('degree (in, out, total, weighted) equals a count over the edge list', () => {
    fc.assert(
      fc.property(multigraph, ({ n, edges }) => {
        const graph = analysisGraphOf(n, edges)
        for (const mode of ['in', 'out', 'total'] as const) {
          for (const weighted of [false, true]) {
            const expected = new Array<number>(n).fill(0)
            for (const e of edges) {
              if (mode !== 'in') expected[e.s]! += weighted ? e.w : 1
              if (mode !== 'out') expected[e.t]! += weighted ? e.w : 1
            }
            close(degree(graph, { mode, weighted }).values, expected)
          }
        }
      }),
      propertyRun('degree', 200),
    )
  })

  it("PageRank equals graphology's (damping, direction, weights)", async () => {
    await fc.assert(
      fc.asyncProperty(multigraph, fc.constantFrom(0.5, 0.85), fc.boolean(), async ({ n, edges, direction }, damping, weighted) => {
        const ours = await pagerank(analysisGraphOf(n, edges), { damping, tolerance: 1e-12, maxIterations: 1000, weighted, direction }, unpaced())
        const reference = pagerankReference(graphologyFollowing(n, edges, direction), { alpha: damping, tolerance: 1e-12 / n, maxIterations: 1000, getEdgeWeight: weighted ? 'weight' : null })
        expect(ours.summary.converged).toBe(true)
        close(ours.values, inOrder(n, reference), 8)
      }),
      propertyRun('pagerank', 150),
    )
  })

  it("weak and strong components partition the nodes as graphology's do", async () => {
    await fc.assert(
      fc.asyncProperty(multigraph, async ({ n, edges, direction }) => {
        const graph = analysisGraphOf(n, edges)
        const weak = await weakComponents(graph, unpaced())
        expect(canonicalPartition(weak.values)).toEqual(partitionOfGroups(n, connectedComponents(graphologyFollowing(n, edges, 'out'))))
        const strong = await strongComponents(graph, direction, unpaced())
        const reference = direction === 'both' ? connectedComponents(graphologyFollowing(n, edges, 'out')) : stronglyConnectedComponents(graphologyFollowing(n, edges, direction))
        expect(canonicalPartition(strong.values)).toEqual(partitionOfGroups(n, reference))
        // Group 0 is the largest.
        const sizes = new Map<number, number>()
        for (const g of strong.values) sizes.set(g, (sizes.get(g) ?? 0) + 1)
        expect(Math.max(...sizes.values())).toBe(sizes.get(0))
        expect(strong.summary.groups).toBe(reference.length)
      }),
      propertyRun('components', 200),
    )
  })

  it('k-core numbers equal repeated peeling', async () => {
    await fc.assert(
      fc.asyncProperty(multigraph, async ({ n, edges }) => {
        close((await coreNumbers(analysisGraphOf(n, edges), unpaced())).values, coreNumbersByPeeling(n, edges))
      }),
      propertyRun('kcore', 200),
    )
  })

  it('clustering coefficients equal a count of linked neighbour pairs', async () => {
    await fc.assert(
      fc.asyncProperty(multigraph, async ({ n, edges }) => {
        close((await clustering(analysisGraphOf(n, edges), unpaced())).values, clusteringByPairs(n, edges))
      }),
      propertyRun('clustering', 200),
    )
  })

  it("exact betweenness equals graphology's (directed and undirected, raw and normalized)", async () => {
    await fc.assert(
      fc.asyncProperty(multigraph, fc.boolean(), async ({ n, edges, direction }, normalized) => {
        const ours = await betweenness(analysisGraphOf(n, edges), { direction, exactLimit: 1000, samples: 10, normalized, seed: 1 }, unpaced())
        expect(ours.summary.exact).toBe(true)
        const simple = graphologySimple(n, direction === 'in' ? edges.map((e) => ({ ...e, s: e.t, t: e.s })) : edges, direction !== 'both')
        close(ours.values, inOrder(n, betweennessCentrality(simple, { normalized, getEdgeWeight: null })), 8)
      }),
      propertyRun('betweenness', 150),
    )
  })
})

describe('betweenness', () => {
  const path: TestEdge[] = [0, 1, 2, 3].map((i) => ({ s: i, t: i + 1, w: 1 }))
  it('on a path of five, the middle node lies on the most shortest paths', async () => {
    const { values } = await betweenness(analysisGraphOf(5, path), { direction: 'both', exactLimit: 100, samples: 1, normalized: false, seed: 1 }, unpaced())
    expect(Array.from(values)).toEqual([0, 3, 4, 3, 0])
  })

  it('above the exact limit it samples the stated number of sources and scales up', async () => {
    const star: TestEdge[] = Array.from({ length: 40 }, (_, i) => ({ s: 0, t: i + 1, w: 1 }))
    const { values, summary } = await betweenness(analysisGraphOf(41, star), { direction: 'both', exactLimit: 10, samples: 20, normalized: false, seed: 7 }, unpaced())
    expect(summary).toEqual({ exact: false, samples: 20 })
    // Every pair of leaves passes the hub: 40·39/2 = 780 exactly, whichever leaves were sampled (a hub sample adds 0).
    expect(values[0]).toBeGreaterThan(500)
    expect(values[0]).toBeLessThan(1100)
    expect(Array.from(values.subarray(1)).every((v) => v === 0)).toBe(true)
  })
})
