import { infiniteQueryOptions } from '@tanstack/react-query'
import type { ListNodesInput } from '../../../shared/domain.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const NODE_PAGE_SIZE = 200

export type NodeListFilters = Required<Pick<ListNodesInput, 'sort' | 'order'>> & {
  types: string[]
  labelPrefix: string
}

function toInput(filters: NodeListFilters, cursor: string | null): ListNodesInput {
  return {
    sort: filters.sort,
    order: filters.order,
    limit: NODE_PAGE_SIZE,
    ...(filters.types.length > 0 ? { types: filters.types } : {}),
    ...(filters.labelPrefix ? { labelPrefix: filters.labelPrefix } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

export const nodeQueries = {
  list: (filters: NodeListFilters) =>
    infiniteQueryOptions({
      queryKey: [...queryRoots.nodes, 'list', filters],
      queryFn: ({ pageParam }) => api.call('nodes.list', toInput(filters, pageParam)),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
}
