import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

/** Neighbours per page of one group (edge type and direction) on the node page. */
export const NEIGHBOUR_PAGE = 50

export interface NeighbourGroupKey {
  key: string
  direction: 'out' | 'in'
  edgeType: string
  /** What the neighbour's label or key must contain; '' for all. */
  text: string
}

const withText = (text: string) => (text.trim() === '' ? {} : { text })

export const nodeDetailQueries = {
  node: (key: string) =>
    queryOptions({ queryKey: [...queryRoots.nodes, 'detail', key], queryFn: () => api.call('nodes.get', { key }) }),
  /** Exact edge counts per type and direction (with text: of the neighbours matching it). */
  edgeCounts: (key: string, text: string) =>
    queryOptions({
      queryKey: [...queryRoots.neighbours, key, 'counts', text],
      queryFn: () => api.call('graph.neighbourTypes', { key, ...withText(text) }),
    }),
  /** One group's neighbours, a keyset page at a time. */
  group: ({ key, direction, edgeType, text }: NeighbourGroupKey) =>
    infiniteQueryOptions({
      queryKey: [...queryRoots.neighbours, key, 'group', direction, edgeType, text],
      queryFn: ({ pageParam }) =>
        api.call('nodes.neighbours', { key, direction, edgeTypes: [edgeType], limit: NEIGHBOUR_PAGE, ...withText(text), ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
}
