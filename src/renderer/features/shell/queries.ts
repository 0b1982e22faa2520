import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const storeQueries = {
  stats: () => queryOptions({ queryKey: [...queryRoots.store, 'stats'], queryFn: () => api.call('store.stats', {}) }),
}
