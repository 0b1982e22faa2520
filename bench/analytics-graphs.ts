import Graph from 'graphology'
import { graphFromEdges, type AnalysisGraph } from '../src/main/store/analytics/analysis-graph.ts'
import { mulberry32, permutation, weightedSampler } from './prng.ts'

/**
 * A Chung–Lu power-law multigraph straight into typed arrays (no store): `m` edges whose ends are
 * drawn with weight rank^(-1/(γ-1)), separate shuffles for sources and targets, as bench/generate.ts.
 */
export function powerLawGraph(n: number, m: number, seed: number, gamma = 2.3): AnalysisGraph {
  const random = mulberry32(seed)
  const sampler = () => {
    const rank = permutation(random, n)
    const weights = new Float64Array(n)
    for (let i = 0; i < n; i++) weights[i] = Math.pow(rank[i]! + 1, -1 / (gamma - 1))
    return weightedSampler(random, weights)
  }
  const from = sampler()
  const to = sampler()
  const source = new Int32Array(m)
  const target = new Int32Array(m)
  for (let e = 0; e < m; e++) {
    source[e] = from()
    target[e] = to()
  }
  const ids = Int32Array.from({ length: n }, (_, i) => i + 1)
  return graphFromEdges(ids, source, target, new Float64Array(m).fill(1))
}

/** The same graph for graphology's Louvain: undirected and simple (it refuses parallel edges). */
export function simpleUndirectedGraphology(graph: AnalysisGraph): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false })
  for (let i = 0; i < graph.n; i++) g.addNode(i)
  for (let i = 0; i < graph.n; i++) {
    for (let s = graph.out.offsets[i]!; s < graph.out.offsets[i + 1]!; s++) {
      const j = graph.out.targets[s]!
      if (j !== i) g.mergeEdge(i, j)
    }
  }
  return g
}

/** The simple undirected version of the graph as an analysis graph, so both Louvains see the same edges. */
export function simpleUndirectedAnalysis(g: Graph, ids: Int32Array): AnalysisGraph {
  const source = new Int32Array(g.size)
  const target = new Int32Array(g.size)
  let e = 0
  g.forEachEdge((_edge, _attributes, s, t) => {
    source[e] = Number(s)
    target[e++] = Number(t)
  })
  return graphFromEdges(ids, source, target, new Float64Array(g.size).fill(1))
}
