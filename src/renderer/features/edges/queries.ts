import { infiniteQueryOptions } from '@tanstack/react-query'
import type { ListEdgesInput } from '../../../shared/domain.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const EDGE_PAGE_SIZE = 200

/** What the list asks for: types, order, and the keys of the source and target nodes, if chosen. */
export type EdgeListFilters = { types: string[]; order: 'asc' | 'desc'; source: string | null; target: string | null }

function toInput(filters: EdgeListFilters, cursor: string | null): ListEdgesInput {
  return {
    order: filters.order,
    limit: EDGE_PAGE_SIZE,
    ...(filters.types.length > 0 ? { types: filters.types } : {}),
    ...(filters.source !== null ? { source: filters.source } : {}),
    ...(filters.target !== null ? { target: filters.target } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

export const edgeQueries = {
  list: (filters: EdgeListFilters) =>
    infiniteQueryOptions({
      queryKey: [...queryRoots.edges, 'list', filters],
      queryFn: ({ pageParam }) => api.call('edges.list', toInput(filters, pageParam)),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
}
