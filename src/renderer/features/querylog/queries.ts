import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { QueryLogFilters } from '../../../shared/querylog.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const LOG_PAGE_SIZE = 200

// The log changes with every call anywhere, so nothing here is fresh for long: each read is at once stale.
export const queryLogQueries = {
  list: (filters: QueryLogFilters) =>
    infiniteQueryOptions({
      queryKey: [...queryRoots.querylog, 'list', filters],
      queryFn: ({ pageParam }) => api.call('querylog.list', { ...filters, limit: LOG_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      staleTime: 0,
    }),
  summary: (filters: QueryLogFilters) =>
    queryOptions({
      queryKey: [...queryRoots.querylog, 'summary', filters],
      queryFn: () => api.call('querylog.summary', filters),
      staleTime: 0,
    }),
  settings: () =>
    queryOptions({
      queryKey: [...queryRoots.querylog, 'settings'],
      queryFn: () => api.call('querylog.getSettings', {}),
    }),
  /** The SQL console's statement history: its recent runs, newest first. */
  consoleHistory: () =>
    queryOptions({
      queryKey: [...queryRoots.querylog, 'console-history'],
      queryFn: () => api.call('querylog.list', { methods: ['console.run'], limit: 100 }),
      staleTime: 0,
    }),
}
