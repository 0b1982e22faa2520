import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'

function useCompaction(method: 'health.vacuum' | 'health.optimize') {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['compaction'],
    mutationFn: () => api.call(method, {}),
    onSuccess: () => refreshRoots(queryClient, ['health', 'store']),
  })
}

export const useVacuum = () => useCompaction('health.vacuum')
export const useOptimize = () => useCompaction('health.optimize')
