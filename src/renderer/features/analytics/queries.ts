import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { MetricValuesInput } from '../../../shared/analytics.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

const root = queryRoots.analytics

export const analyticsQueries = {
  runs: () => queryOptions({ queryKey: [...root, 'runs'], queryFn: () => api.call('analytics.runs', {}) }),
  values: (input: MetricValuesInput) => queryOptions({ queryKey: [...root, 'values', input], queryFn: () => api.call('analytics.values', input) }),
  valuesOf: (runIds: number[], keys: string[]) =>
    queryOptions({
      queryKey: [...root, 'valuesOf', runIds, keys],
      queryFn: () => api.call('analytics.valuesOf', { runIds, keys }),
      enabled: runIds.length > 0 && keys.length > 0,
    }),
  nodeMetrics: (key: string) => queryOptions({ queryKey: [...root, 'node', key], queryFn: () => api.call('analytics.nodeMetrics', { key }) }),
  groups: (runId: number, limit = 1000) => queryOptions({ queryKey: [...root, 'groups', runId, limit], queryFn: () => api.call('analytics.groups', { runId, limit }) }),
  degreeDistribution: (nodeTypes: string[], edgeTypes: string[]) =>
    queryOptions({
      queryKey: [...root, 'degrees', nodeTypes, edgeTypes],
      queryFn: () => api.call('analytics.degreeDistribution', { ...(nodeTypes.length ? { nodeTypes } : {}), ...(edgeTypes.length ? { edgeTypes } : {}) }),
    }),
}

// One node's value in one run, asked for by each table cell: the cells asked for in the same tick
// go to the store as one analytics.valuesOf call.
type Pending = { keys: Map<string, ((value: [number, number] | null) => void)[]>; timer: ReturnType<typeof setTimeout> }
const pendingByRun = new Map<number, Pending>()
const MAX_KEYS = 1000

function flush(runId: number): void {
  const pending = pendingByRun.get(runId)
  if (!pending) return
  pendingByRun.delete(runId)
  const keys = [...pending.keys.keys()]
  for (let start = 0; start < keys.length; start += MAX_KEYS) {
    const slice = keys.slice(start, start + MAX_KEYS)
    api.call('analytics.valuesOf', { runIds: [runId], keys: slice }).then(
      (answer) => slice.forEach((key) => pending.keys.get(key)?.forEach((resolve) => resolve(answer.values[runId]?.[key] ?? null))),
      () => slice.forEach((key) => pending.keys.get(key)?.forEach((resolve) => resolve(null))),
    )
  }
}

function batchedValueOf(runId: number, key: string): Promise<[number, number] | null> {
  return new Promise((resolve) => {
    let pending = pendingByRun.get(runId)
    if (!pending) {
      pending = { keys: new Map(), timer: setTimeout(() => flush(runId), 0) }
      pendingByRun.set(runId, pending)
    }
    const waiting = pending.keys.get(key)
    if (waiting) waiting.push(resolve)
    else pending.keys.set(key, [resolve])
  })
}

export const metricCellQuery = (runId: number, key: string) =>
  queryOptions({ queryKey: [...root, 'cell', runId, key], queryFn: () => batchedValueOf(runId, key), staleTime: 30_000 })

export const METRIC_PAGE_SIZE = 200

export interface MetricSortFilters {
  runId: number
  order: 'asc' | 'desc'
  top: number | null
  min: number | null
  max: number | null
}

/** The run, order and filters of a metric-sorted list as analytics.values takes them. */
export const metricRange = (filters: MetricSortFilters) => ({
  runId: filters.runId,
  order: filters.order,
  ...(filters.top !== null ? { top: filters.top } : {}),
  ...(filters.min !== null ? { min: filters.min } : {}),
  ...(filters.max !== null ? { max: filters.max } : {}),
})

/** The Nodes page sorted by a metric: pages of analytics.values, the offset as cursor. */
export const metricSortedQuery = (filters: MetricSortFilters) =>
  infiniteQueryOptions({
    queryKey: [...root, 'sorted', filters],
    queryFn: async ({ pageParam }) => {
      const offset = pageParam === null ? 0 : Number(pageParam)
      const page = await api.call('analytics.values', { ...metricRange(filters), offset, limit: METRIC_PAGE_SIZE })
      const next = offset + METRIC_PAGE_SIZE
      return { items: page.rows, nextCursor: next < page.total ? String(next) : null }
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  })

/** Values of many nodes (a graph view's) in a few runs, asked for 1000 keys at a time. */
export const viewValuesQuery = (runIds: number[], keys: string[]) =>
  queryOptions({
    queryKey: [...root, 'view', runIds, keys],
    enabled: runIds.length > 0 && keys.length > 0,
    queryFn: async () => {
      const merged: Record<string, Record<string, [number, number]>> = {}
      for (let start = 0; start < keys.length; start += MAX_KEYS) {
        const { values } = await api.call('analytics.valuesOf', { runIds, keys: keys.slice(start, start + MAX_KEYS) })
        for (const [runId, byKey] of Object.entries(values)) merged[runId] = { ...merged[runId], ...byKey }
      }
      return merged
    },
  })
