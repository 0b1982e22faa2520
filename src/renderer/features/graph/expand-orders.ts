import { useQuery } from '@tanstack/react-query'
import type { ExpandOrder } from '../../../shared/graph.ts'
import { isGrouping } from '../analytics/metric-format.ts'
import { analyticsQueries } from '../analytics/queries.ts'

/** One choice of the expand menu's "Rank" list: a fixed order, or a stored metric run's values. */
export interface ExpandOrderChoice {
  /** The select's value: the order, or "metric:<runId>". */
  value: string
  label: string
  order: ExpandOrder
  runId?: number
  /** The menu's note on what is added: "Adds the top 25 of each type by PageRank". */
  adds: (limit: number) => string
}

const fixed: ExpandOrderChoice[] = [
  { value: 'degree', label: 'Most connected first', order: 'degree', adds: (limit) => `Adds the most connected ${limit} of each type` },
  { value: 'id', label: 'Stored order', order: 'id', adds: (limit) => `Adds the first ${limit} of each type` },
]

/** The fixed orders and, after them, one "Top by <metric>" per stored run that measures nodes (not groups). */
export function useExpandOrders(): ExpandOrderChoice[] {
  const runs = useQuery(analyticsQueries.runs()).data?.runs ?? []
  return [
    ...fixed,
    ...runs.filter((run) => !isGrouping(run)).map((run) => ({
      value: `metric:${run.id}`,
      label: `Top by ${run.label}${run.stale ? ' (stale)' : ''}`,
      order: 'metric' as const,
      runId: run.id,
      adds: (limit: number) => `Adds the top ${limit} of each type by ${run.label}`,
    })),
  ]
}

/** The remembered choice if it is still offered (a deleted run falls back to the first order). */
export function chosenOrder(choices: ExpandOrderChoice[], order: ExpandOrder, runId: number | null): ExpandOrderChoice {
  const value = order === 'metric' ? `metric:${runId}` : order
  return choices.find((choice) => choice.value === value) ?? choices[0]!
}
