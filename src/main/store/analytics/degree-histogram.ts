import type { DegreeDistribution } from '../../../shared/analytics.ts'
import type { AnalysisGraph, Rows } from './analysis-graph.ts'

function histogramOf(rows: Rows, n: number): [number, number][] {
  const counts = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const d = rows.offsets[i + 1]! - rows.offsets[i]!
    counts.set(d, (counts.get(d) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => a[0] - b[0])
}

/** How many nodes have each in- and out-degree, for a log-log plot. */
export function degreeHistogram(graph: AnalysisGraph): DegreeDistribution {
  return { in: histogramOf(graph.in, graph.n), out: histogramOf(graph.out, graph.n), nodeCount: graph.n }
}
