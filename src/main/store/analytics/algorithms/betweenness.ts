import type { AnalysisGraph, Orientation } from '../analysis-graph.ts'
import { simpleNeighbours } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import { seededRandom, shuffledIndexes } from '../random.ts'
import type { MetricResult } from './result.ts'

export interface BetweennessOptions {
  direction: Orientation
  /** Every node is a source up to this many nodes; above it `samples` random sources, scaled by n / samples. */
  exactLimit: number
  samples: number
  /** Divided by (n - 1)(n - 2), as graphology does. */
  normalized: boolean
  seed: number
}

/**
 * Brandes's betweenness on the simple graph (parallel edges once, self-loops dropped), unweighted: for
 * each source a breadth-first search counts shortest paths, then dependencies flow back up. Without
 * direction each path is found from both ends, so the sums are halved (graphology does the same).
 */
export async function betweenness(graph: AnalysisGraph, options: BetweennessOptions, pacer: Pacer): Promise<MetricResult> {
  const { n } = graph
  const { offsets, targets } = simpleNeighbours(graph, options.direction)
  const back = options.direction === 'both' ? { offsets, targets } : simpleNeighbours(graph, options.direction === 'out' ? 'in' : 'out')
  const exact = n <= options.exactLimit || options.samples >= n
  const sources = exact ? null : shuffledIndexes(n, seededRandom(options.seed)).subarray(0, options.samples)
  const sourceCount = sources ? sources.length : n
  const centrality = new Float64Array(n)
  const sigma = new Float64Array(n)
  const delta = new Float64Array(n)
  const distance = new Int32Array(n).fill(-1)
  const order = new Int32Array(n)
  pacer.phase = 'searching'
  for (let k = 0; k < sourceCount; k++) {
    const source = sources ? sources[k]! : k
    let head = 0
    let tail = 0
    order[tail++] = source
    distance[source] = 0
    sigma[source] = 1
    while (head < tail) {
      const v = order[head++]!
      const next = distance[v]! + 1
      for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
        const w = targets[s]!
        if (distance[w] === -1) {
          distance[w] = next
          order[tail++] = w
        }
        if (distance[w] === next) sigma[w]! += sigma[v]!
      }
    }
    // Back from the farthest: a predecessor of w is any neighbour one step nearer the source.
    for (let at = tail - 1; at > 0; at--) {
      const w = order[at]!
      const coefficient = (1 + delta[w]!) / sigma[w]!
      centrality[w]! += delta[w]!
      for (let s = back.offsets[w]!; s < back.offsets[w + 1]!; s++) {
        const v = back.targets[s]!
        if (distance[v] === distance[w]! - 1) delta[v]! += sigma[v]! * coefficient
      }
    }
    for (let at = 0; at < tail; at++) {
      const v = order[at]!
      distance[v] = -1
      sigma[v] = 0
      delta[v] = 0
    }
    await pacer.turn(k, sourceCount)
  }
  let scale = sources ? n / sourceCount : 1
  if (options.direction === 'both') scale *= 0.5
  if (options.normalized) scale = n <= 2 ? 0 : (scale * (options.direction === 'both' ? 2 : 1)) / ((n - 1) * (n - 2))
  if (scale !== 1) for (let i = 0; i < n; i++) centrality[i]! *= scale
  return { values: centrality, summary: { exact, samples: sourceCount } }
}
