import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const healthQueries = {
  /** Stale at once: opening the page should always check the store as it is now. */
  check: (full: boolean) =>
    queryOptions({
      queryKey: [...queryRoots.health, 'check', full ? 'full' : 'quick'],
      queryFn: () => api.call('health.check', { full }),
      staleTime: 0,
    }),
}
