import Graph from 'graphology'
import louvainReference from 'graphology-communities-louvain'
import modularity from 'graphology-metrics/graph/modularity.js'
import { describe, expect, it } from 'vitest'
import { louvain, modularityOf } from '../../../../src/main/store/analytics/algorithms/louvain.ts'
import { undirectedRows } from '../../../../src/main/store/analytics/analysis-graph.ts'
import { unpaced } from '../../../../src/main/store/analytics/pacer.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { plantedPartition } from './planted.ts'
import { adjustedRandIndex, analysisGraphOf, type TestEdge } from './reference.ts'

function graphologyUndirected(n: number, edges: readonly TestEdge[]): Graph {
  const graph = new Graph({ type: 'undirected' })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  for (const { s, t, w } of edges) graph.addEdge(String(s), String(t), { weight: w })
  return graph
}

describe('Louvain', () => {
  const cases = [
    { groups: 4, size: 50, pIn: 0.3, pOut: 0.01 },
    { groups: 8, size: 40, pIn: 0.25, pOut: 0.005 },
    { groups: 12, size: 30, pIn: 0.35, pOut: 0.01 },
  ]
  for (const shape of cases) {
    it(`finds ${shape.groups} planted communities of ${shape.size}: ARI >= 0.9, modularity within 0.01 of graphology's`, async () => {
      const { next, seed } = seededRandom(`louvain ${shape.groups}x${shape.size}`)
      const { n, edges, planted } = plantedPartition(next, shape.groups, shape.size, shape.pIn, shape.pOut)
      const ours = await louvain(analysisGraphOf(n, edges), { resolution: 1, weighted: false, seed: seed % 1000 }, unpaced())
      const reference = graphologyUndirected(n, edges)
      const detailed = louvainReference.detailed(reference, { rng: next, getEdgeWeight: null })
      const ourModularity = modularity(reference, { getNodeCommunity: (node) => ours.values[Number(node)] as number, getEdgeWeight: null })
      expect(ours.summary.modularity).toBeCloseTo(ourModularity, 9)
      expect(ourModularity).toBeGreaterThan(detailed.modularity - 0.01)
      expect(adjustedRandIndex(ours.values, planted)).toBeGreaterThanOrEqual(0.9)
      expect(ours.summary.groups).toBe(shape.groups)
    })
  }

  it('reports the modularity graphology computes for the same partition, with self-loops, parallel edges and weights', () => {
    const { next } = seededRandom('modularity')
    const n = 30
    // graphology's modularity refuses parallel edges: ours gets them, the reference their summed weight.
    const edges: TestEdge[] = Array.from({ length: 90 }, () => ({ s: Math.floor(next() * n), t: Math.floor(next() * n), w: 0.5 + next() * 3 }))
    const partition = Array.from({ length: n }, () => Math.floor(next() * 4))
    const reference = new Graph({ type: 'undirected', multi: false, allowSelfLoops: true })
    for (let i = 0; i < n; i++) reference.addNode(String(i))
    for (const { s, t, w } of edges) reference.updateEdge(String(s), String(t), (attributes) => ({ weight: ((attributes.weight as number | undefined) ?? 0) + w }))
    for (const resolution of [0.5, 1, 2]) {
      const expected = modularity(reference, { getNodeCommunity: (node) => partition[Number(node)] as number, resolution })
      expect(modularityOf(undirectedRows(analysisGraphOf(n, edges)), partition, 4, resolution)).toBeCloseTo(expected, 9)
    }
  })

  it('a higher resolution finds more, smaller communities', async () => {
    const { next } = seededRandom('louvain resolution')
    const { n, edges } = plantedPartition(next, 6, 30, 0.3, 0.02)
    const graph = analysisGraphOf(n, edges)
    const coarse = await louvain(graph, { resolution: 0.2, weighted: false, seed: 1 }, unpaced())
    const fine = await louvain(graph, { resolution: 5, weighted: false, seed: 1 }, unpaced())
    expect(fine.summary.groups).toBeGreaterThan(coarse.summary.groups!)
  })
})
