import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input, Method } from '../../../shared/contract.ts'
import type { QueryLogEntry, QueryLogFilters, QueryLogSettings } from '../../../shared/querylog.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'
import { navigate } from '../../lib/router.ts'
import { MAX_GRAPH_KEYS, type RunAgainPlan } from './run-again.ts'

const call = (method: Method, input: Record<string, unknown>) => api.call(method, input as Input<typeof method>)

/** Re-issues a logged call and opens its answer where it belongs; answers what to show in place, if anything. */
export function useRunAgain() {
  return useMutation({
    mutationFn: async (plan: RunAgainPlan): Promise<unknown> => {
      if (plan.kind === 'open') {
        navigate(plan.route)
        return null
      }
      if (plan.kind === 'graph') {
        const answer = (await call(plan.method, plan.input)) as { nodes: { key: string }[] }
        navigate({ name: 'graph', keys: answer.nodes.slice(0, MAX_GRAPH_KEYS).map((node) => node.key), view: null })
        return null
      }
      if (plan.kind === 'show') return call(plan.method, plan.input)
      return null
    },
  })
}

export function useSetLogRetention() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: QueryLogSettings) => api.call('querylog.setSettings', settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.querylog }),
  })
}

const EXPORT_PAGE = 5000

/** Every entry that passes the filters, newest first, read page by page. */
export function useExportLog() {
  return useMutation({
    mutationFn: async (filters: QueryLogFilters): Promise<QueryLogEntry[]> => {
      const entries: QueryLogEntry[] = []
      let cursor: string | null = null
      do {
        const page: Awaited<ReturnType<typeof api.call<'querylog.list'>>> = await api.call('querylog.list', {
          ...filters,
          limit: EXPORT_PAGE,
          ...(cursor ? { cursor } : {}),
        })
        entries.push(...page.items)
        cursor = page.nextCursor
      } while (cursor !== null)
      return entries
    },
  })
}
