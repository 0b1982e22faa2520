import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'
import { navigate } from '../../lib/router.ts'
import { nodeDetailQueries } from './queries.ts'

/** Deletes a node (its edges go with it) and leaves its page, which would otherwise show "no longer exists". */
export function useDeleteNode() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (key: string) => api.call('nodes.delete', { key }),
    onSuccess: (_result, key) => {
      navigate({ name: 'nodes' })
      queryClient.removeQueries({ queryKey: nodeDetailQueries.node(key).queryKey })
      return refreshRoots(queryClient, ['nodes', 'edges', 'neighbours', 'types', 'store', 'health'])
    },
  })
}
