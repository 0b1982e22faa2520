import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const editingQueries = {
  /** What deleting these nodes takes with it: asked fresh each time the confirmation opens. */
  deleteImpact: (keys: string[]) =>
    queryOptions({ queryKey: [...queryRoots.nodes, 'deleteImpact', keys], queryFn: () => api.call('nodes.deleteImpact', { keys }), staleTime: 0 }),
}
