import { queryOptions } from '@tanstack/react-query'
import type { ExpandInput, InducedInput, NeighbourhoodInput, ShortestPathInput, ShortestPathsInput } from '../../../shared/graph.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

/** Neighbours added per expansion; the rest wait behind a "+N more" stub. */
export const EXPAND_PAGE = 25

// The graph view fetches these imperatively (queryClient.fetchQuery) and keeps the answers in cytoscape;
// a short staleTime lets a repeated expansion or reopened view reuse the answer.
const staleTime = 30_000

export const graphQueries = {
  expand: (input: ExpandInput) =>
    queryOptions({ queryKey: [...queryRoots.graph, 'expand', input], queryFn: () => api.call('graph.expand', input), staleTime }),
  /** Edge counts per type and direction; with `text`, of the neighbours whose label or key contains it. */
  neighbourTypes: (key: string, text = '') =>
    queryOptions({
      queryKey: [...queryRoots.graph, 'neighbourTypes', key, text],
      queryFn: () => api.call('graph.neighbourTypes', { key, ...(text ? { text } : {}) }),
      staleTime,
    }),
  shortestPath: (input: ShortestPathInput) =>
    queryOptions({ queryKey: [...queryRoots.graph, 'shortestPath', input], queryFn: () => api.call('graph.shortestPath', input), staleTime }),
  shortestPaths: (input: ShortestPathsInput) =>
    queryOptions({ queryKey: [...queryRoots.graph, 'shortestPaths', input], queryFn: () => api.call('graph.shortestPaths', input), staleTime }),
  induced: (input: InducedInput) =>
    queryOptions({ queryKey: [...queryRoots.graph, 'induced', input], queryFn: () => api.call('graph.induced', input), staleTime: 0, gcTime: 0 }),
  /** A node's neighbourhood to a depth, with its edges: the ego focus. */
  neighbourhood: (input: NeighbourhoodInput) =>
    queryOptions({ queryKey: [...queryRoots.graph, 'neighbourhood', input], queryFn: () => api.call('graph.neighbourhood', input), staleTime }),
  node: (key: string) => queryOptions({ queryKey: [...queryRoots.graph, 'node', key], queryFn: () => api.call('nodes.get', { key }) }),
  edge: (id: number) => queryOptions({ queryKey: [...queryRoots.graph, 'edge', id], queryFn: () => api.call('edges.get', { id }) }),
}

export const viewQueries = {
  list: () => queryOptions({ queryKey: [...queryRoots.views, 'list'], queryFn: () => api.call('views.list', {}) }),
  get: (name: string) => queryOptions({ queryKey: [...queryRoots.views, 'get', name], queryFn: () => api.call('views.get', { name }), staleTime: 0, gcTime: 0 }),
}
