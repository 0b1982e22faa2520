import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const typeQueries = {
  counts: () => queryOptions({ queryKey: [...queryRoots.types, 'counts'], queryFn: () => api.call('types.counts', {}) }),
}
