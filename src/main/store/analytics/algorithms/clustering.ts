import type { AnalysisGraph } from '../analysis-graph.ts'
import { simpleNeighbours } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import type { MetricResult } from './result.ts'

/**
 * Local clustering coefficient on the simple undirected graph: the share of a node's neighbour pairs
 * that are linked (0 below two neighbours). Triangles are counted once each by orienting every edge
 * from the lower- to the higher-degree end (compact-forward), so hubs do not cost degree squared.
 */
export async function clustering(graph: AnalysisGraph, pacer: Pacer): Promise<MetricResult> {
  const { n } = graph
  const { offsets, targets } = simpleNeighbours(graph)
  const degreeOf = (i: number) => offsets[i + 1]! - offsets[i]!
  const before = (a: number, b: number) => degreeOf(a) < degreeOf(b) || (degreeOf(a) === degreeOf(b) && a < b)
  const fwdOffsets = new Uint32Array(n + 1)
  for (let i = 0; i < n; i++) {
    let count = 0
    for (let s = offsets[i]!; s < offsets[i + 1]!; s++) if (before(i, targets[s]!)) count++
    fwdOffsets[i + 1] = fwdOffsets[i]! + count
  }
  const forward = new Int32Array(fwdOffsets[n]!)
  for (let i = 0, at = 0; i < n; i++) for (let s = offsets[i]!; s < offsets[i + 1]!; s++) if (before(i, targets[s]!)) forward[at++] = targets[s]!
  const triangles = new Float64Array(n)
  const mark = new Int32Array(n).fill(-1)
  pacer.phase = 'counting triangles'
  for (let u = 0; u < n; u++) {
    const end = fwdOffsets[u + 1]!
    for (let s = fwdOffsets[u]!; s < end; s++) mark[forward[s]!] = u
    for (let s = fwdOffsets[u]!; s < end; s++) {
      const v = forward[s]!
      for (let t = fwdOffsets[v]!; t < fwdOffsets[v + 1]!; t++) {
        const w = forward[t]!
        if (mark[w] !== u) continue
        triangles[u]!++
        triangles[v]!++
        triangles[w]!++
      }
    }
    if ((u & 0x3fff) === 0) await pacer.turn(u, n)
  }
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const d = degreeOf(i)
    values[i] = d < 2 ? 0 : (2 * triangles[i]!) / (d * (d - 1))
  }
  return { values, summary: {} }
}
