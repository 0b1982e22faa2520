import type { AnalysisGraph, Orientation } from '../analysis-graph.ts'
import { followed } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import type { MetricResult } from './result.ts'

export interface PagerankOptions {
  damping: number
  /**
   * Stops when the summed change of all scores (which sum to 1) is below this. graphology and
   * networkx compare with tolerance × n instead, which at a million nodes stops after one iteration.
   */
  tolerance: number
  maxIterations: number
  weighted: boolean
  direction: Orientation
}

/**
 * PageRank by power iteration, pulling along incoming rows so that each iteration writes each score
 * once. Rank of nodes with no outgoing weight (dangling) is spread evenly, as graphology does.
 */
export async function pagerank(graph: AnalysisGraph, options: PagerankOptions, pacer: Pacer): Promise<MetricResult> {
  const { n } = graph
  const { forward, backward } = followed(graph, options.direction)
  const { damping: alpha, weighted } = options
  const outWeight = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const end = forward.offsets[i + 1]!
    if (!weighted) outWeight[i] = end - forward.offsets[i]!
    else for (let s = forward.offsets[i]!; s < end; s++) outWeight[i]! += forward.weights[s]!
  }
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0)
  let next = new Float64Array(n)
  const share = new Float64Array(n)
  const { offsets, targets, weights } = backward
  let iterations = 0
  let converged = n === 0
  pacer.phase = 'iterating'
  while (!converged && iterations < options.maxIterations) {
    let dangling = 0
    for (let i = 0; i < n; i++) {
      const d = outWeight[i]!
      if (d === 0) dangling += x[i]!
      share[i] = d === 0 ? 0 : (alpha * x[i]!) / d
    }
    const base = (alpha * dangling + 1 - alpha) / n
    let change = 0
    for (let j = 0; j < n; j++) {
      let sum = base
      const end = offsets[j + 1]!
      if (weighted) for (let s = offsets[j]!; s < end; s++) sum += share[targets[s]!]! * weights[s]!
      else for (let s = offsets[j]!; s < end; s++) sum += share[targets[s]!]!
      next[j] = sum
      change += Math.abs(sum - x[j]!)
    }
    ;[x, next] = [next, x]
    iterations++
    converged = change < options.tolerance
    await pacer.turn(iterations, options.maxIterations)
  }
  return { values: x, summary: { iterations, converged } }
}
