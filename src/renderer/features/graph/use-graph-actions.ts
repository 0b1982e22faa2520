import { useQueryClient } from '@tanstack/react-query'
import { useCallback, type RefObject } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import type { ExpandFilter } from './expand-filter.ts'
import { EXPAND_PAGE, graphQueries } from './queries.ts'
import { fetchPathAnswer, type PathAnswer, type PathRequest } from './path-answer.ts'

/** graph.expand's input for a filter: only the fields it sets. */
const expandInput = (key: string, { direction, edgeTypes, order, runId, text }: ExpandFilter) => ({
  key,
  direction,
  ...(edgeTypes ? { edgeTypes } : {}),
  ...(order ? { order } : {}),
  ...(order === 'metric' && runId !== undefined ? { runId } : {}),
  ...(text ? { text } : {}),
})


/** The view's data-fetching actions: each fetches through graphQueries, then applies one diff to the view. */
export function useGraphActions(controllerRef: RefObject<GraphController | null>, report: (message: string | null) => void) {
  const queryClient = useQueryClient()

  const expand = useCallback(
    async (key: string, filter: ExpandFilter, offset = 0, recordChange = true): Promise<void> => {
      const controller = controllerRef.current
      if (!controller) return
      const limit = filter.limit ?? EXPAND_PAGE
      const budget = controller.checkBudget(limit * 2)
      if (!budget.ok) return report(budget.message)
      const page = await queryClient.fetchQuery(graphQueries.expand({ ...expandInput(key, filter), limit, offset }))
      const current = controllerRef.current
      if (!current || current.cy.getElementById(key).empty()) return
      const added = current.applyExpansion(key, page, filter, offset, recordChange)
      report(added === 0 && page.omitted === 0 ? 'No neighbours to add: they are all in view already.' : null)
    },
    [controllerRef, queryClient, report],
  )

  /**
   * One expansion per filter (per edge type), one after another so that each finds the others placed;
   * together they are one view change, which one Ctrl+Z takes back.
   */
  const expandEach = useCallback(
    async (key: string, filters: ExpandFilter[]): Promise<void> => {
      controllerRef.current?.recordViewChange('expansion')
      for (const filter of filters) await expand(key, filter, 0, false)
    },
    [controllerRef, expand],
  )

  const expandMore = useCallback(
    (ownerKey: string, group = '') => {
      const record = controllerRef.current?.expansionOf(ownerKey, group)
      return record ? expand(ownerKey, record, record.loaded) : Promise.resolve()
    },
    [controllerRef, expand],
  )

  /** Fetches the paths; null when showing them would pass the view's element budget (the message says so). */
  const findPath = useCallback(
    async (request: PathRequest): Promise<PathAnswer | null> => {
      const answer = await fetchPathAnswer(queryClient, request)
      const controller = controllerRef.current
      if (!controller) return null
      const budget = controller.checkBudget(answer.nodes.length + answer.edges.length)
      if (!budget.ok) {
        report(budget.message)
        return null
      }
      return answer
    },
    [controllerRef, queryClient, report],
  )

  return { expand, expandEach, expandMore, findPath }
}
