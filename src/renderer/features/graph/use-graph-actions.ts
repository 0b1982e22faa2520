import { useQueryClient } from '@tanstack/react-query'
import { useCallback, type RefObject } from 'react'
import type { GraphController } from './cy/graph-controller.ts'
import type { ExpandFilter } from './expand-filter.ts'
import { EXPAND_PAGE, graphQueries } from './queries.ts'
import { fetchPathAnswer, type PathAnswer, type PathRequest } from './path-answer.ts'

/** The view's data-fetching actions: each fetches through graphQueries, then applies one diff to the view. */
export function useGraphActions(controllerRef: RefObject<GraphController | null>, report: (message: string | null) => void) {
  const queryClient = useQueryClient()

  const expand = useCallback(
    async (key: string, filter: ExpandFilter, offset = 0): Promise<void> => {
      const controller = controllerRef.current
      if (!controller) return
      const budget = controller.checkBudget(EXPAND_PAGE * 2)
      if (!budget.ok) return report(budget.message)
      const page = await queryClient.fetchQuery(
        graphQueries.expand({ key, direction: filter.direction, ...(filter.edgeTypes ? { edgeTypes: filter.edgeTypes } : {}), limit: EXPAND_PAGE, offset }),
      )
      const current = controllerRef.current
      if (!current || current.cy.getElementById(key).empty()) return
      const added = current.applyExpansion(key, page, filter, offset)
      report(added === 0 && page.omitted === 0 ? 'No neighbours to add: they are all in view already.' : null)
    },
    [controllerRef, queryClient, report],
  )

  const expandMore = useCallback(
    (ownerKey: string) => {
      const record = controllerRef.current?.expansionOf(ownerKey)
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

  return { expand, expandMore, findPath }
}
