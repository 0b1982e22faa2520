import type { AnalysisGraph } from '../analysis-graph.ts'
import { simpleNeighbours } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import type { MetricResult } from './result.ts'

/**
 * Core number of each node on the simple undirected graph (parallel edges once, self-loops dropped):
 * the largest k such that the node is in a subgraph where every node has degree >= k. Batagelj and
 * Zaversnik's O(m) peeling with degree buckets.
 */
export async function coreNumbers(graph: AnalysisGraph, pacer: Pacer): Promise<MetricResult> {
  const { n } = graph
  const { offsets, targets } = simpleNeighbours(graph)
  const deg = new Int32Array(n)
  let maxDegree = 0
  for (let i = 0; i < n; i++) {
    deg[i] = offsets[i + 1]! - offsets[i]!
    if (deg[i]! > maxDegree) maxDegree = deg[i]!
  }
  const binStart = new Int32Array(maxDegree + 1)
  for (let i = 0; i < n; i++) binStart[deg[i]!]!++
  for (let d = 0, start = 0; d <= maxDegree; d++) {
    const size = binStart[d]!
    binStart[d] = start
    start += size
  }
  const position = new Int32Array(n)
  const order = new Int32Array(n)
  const fill = binStart.slice()
  for (let i = 0; i < n; i++) {
    position[i] = fill[deg[i]!]!++
    order[position[i]!] = i
  }
  pacer.phase = 'peeling'
  for (let at = 0; at < n; at++) {
    const v = order[at]!
    const end = offsets[v + 1]!
    for (let s = offsets[v]!; s < end; s++) {
      const u = targets[s]!
      const du = deg[u]!
      if (du <= deg[v]!) continue
      // Swap u with the first node of its bucket, then shrink the bucket from the front.
      const first = binStart[du]!
      const w = order[first]!
      if (w !== u) {
        order[position[u]!] = w
        position[w] = position[u]!
        order[first] = u
        position[u] = first
      }
      binStart[du]!++
      deg[u] = du - 1
    }
    if ((at & 0xffff) === 0) await pacer.turn(at, n)
  }
  const values = Float64Array.from(deg)
  let maxCore = 0
  for (let i = 0; i < n; i++) if (deg[i]! > maxCore) maxCore = deg[i]!
  return { values, summary: { maxCore } }
}
