import type { RunSummary } from '../../../../shared/analytics.ts'

/** One value per node of the analysis graph (by dense index), and what the algorithm reports beside. */
export interface MetricResult {
  values: Float64Array
  summary: RunSummary
}
