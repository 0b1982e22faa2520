import { queryOptions } from '@tanstack/react-query'
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
