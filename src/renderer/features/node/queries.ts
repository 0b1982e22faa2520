import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const NEIGHBOUR_LIMIT = 500

export const nodeDetailQueries = {
  node: (key: string) =>
    queryOptions({ queryKey: [...queryRoots.nodes, 'detail', key], queryFn: () => api.call('nodes.get', { key }) }),
  neighbours: (key: string) =>
    queryOptions({
      queryKey: [...queryRoots.neighbours, key, NEIGHBOUR_LIMIT],
      queryFn: () => api.call('nodes.neighbours', { key, direction: 'both', limit: NEIGHBOUR_LIMIT }),
    }),
}
