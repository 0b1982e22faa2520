import { queryOptions } from '@tanstack/react-query'
import type { HistoryListInput } from '../../../shared/history.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

const root = queryRoots.history

export const historyQueries = {
  list: (filter: HistoryListInput) => queryOptions({ queryKey: [...root, 'list', filter], queryFn: () => api.call('history.list', filter) }),
  batch: (id: number) => queryOptions({ queryKey: [...root, 'batch', id], queryFn: () => api.call('history.batch', { id, limit: 500 }) }),
  node: (key: string) => queryOptions({ queryKey: [...root, 'node', key], queryFn: () => api.call('history.node', { key }) }),
  /** Read fresh on every Ctrl+Z: another window or a restore may have moved it. */
  stack: () => queryOptions({ queryKey: [...root, 'stack'], queryFn: () => api.call('history.stack', {}), staleTime: 0 }),
  deleted: (entity: 'node' | 'edge') => queryOptions({ queryKey: [...root, 'deleted', entity], queryFn: () => api.call('history.deleted', { entity, limit: 200 }) }),
  asOf: (key: string, at: number) => queryOptions({ queryKey: [...root, 'asOf', key, at], queryFn: () => api.call('history.asOf', { key, at }) }),
  size: () => queryOptions({ queryKey: [...root, 'size'], queryFn: () => api.call('history.size', {}) }),
}
