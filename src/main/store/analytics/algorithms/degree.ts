import type { AnalysisGraph } from '../analysis-graph.ts'
import type { MetricResult } from './result.ts'

export interface DegreeOptions {
  mode: 'in' | 'out' | 'total'
  /** Sum edge weights instead of counting edges. */
  weighted: boolean
}

/** Edges at each node (a self-loop counts once out and once in); parallel edges each count. */
export function degree(graph: AnalysisGraph, { mode, weighted }: DegreeOptions): MetricResult {
  const values = new Float64Array(graph.n)
  const add = (rows: AnalysisGraph['out']) => {
    for (let i = 0; i < graph.n; i++) {
      const start = rows.offsets[i]!
      const end = rows.offsets[i + 1]!
      if (!weighted) values[i]! += end - start
      else for (let s = start; s < end; s++) values[i]! += rows.weights[s]!
    }
  }
  if (mode !== 'in') add(graph.out)
  if (mode !== 'out') add(graph.in)
  return { values, summary: {} }
}
