import type { RunMetricRequest } from '../../../shared/analytics.ts'
import type { AnalysisGraph } from './analysis-graph.ts'
import { betweenness } from './algorithms/betweenness.ts'
import { clustering } from './algorithms/clustering.ts'
import { strongComponents, weakComponents } from './algorithms/components.ts'
import { degree } from './algorithms/degree.ts'
import { coreNumbers } from './algorithms/kcore.ts'
import { louvain } from './algorithms/louvain.ts'
import { pagerank } from './algorithms/pagerank.ts'
import type { MetricResult } from './algorithms/result.ts'
import type { Pacer } from './pacer.ts'

/** Runs the requested algorithm over an analysis graph. */
export function computeMetric(graph: AnalysisGraph, request: RunMetricRequest, pacer: Pacer): Promise<MetricResult> | MetricResult {
  const { direction } = request.scope
  switch (request.algorithm) {
    case 'degree':
      return degree(graph, request.params)
    case 'pagerank':
      return pagerank(graph, { ...request.params, direction }, pacer)
    case 'weakComponents':
      return weakComponents(graph, pacer)
    case 'strongComponents':
      return strongComponents(graph, direction, pacer)
    case 'louvain':
      return louvain(graph, request.params, pacer)
    case 'kcore':
      return coreNumbers(graph, pacer)
    case 'betweenness':
      return betweenness(graph, { ...request.params, direction }, pacer)
    case 'clustering':
      return clustering(graph, pacer)
  }
}
