import type { SortOrder } from '../../components/SortHeader.tsx'
import { createViewState } from '../../lib/view-state.ts'

/** Metric columns of the Nodes page: which runs are shown, and the metric sort and filters when one is chosen. */
export interface NodeMetricState {
  columns: number[]
  /** The run the list is sorted by, or null for the usual label/key/type sort. */
  sortRun: number | null
  order: SortOrder
  top: number | null
  min: number | null
  max: number | null
}

export const useNodeMetrics = createViewState<NodeMetricState>({ columns: [], sortRun: null, order: 'desc', top: null, min: null, max: null })
