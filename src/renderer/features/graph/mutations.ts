import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SaveViewInput } from '../../../shared/graph.ts'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'

export function useSaveView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SaveViewInput) => api.call('views.save', input),
    onSuccess: () => refreshRoots(queryClient, ['views']),
  })
}

export function useDeleteView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api.call('views.delete', { name }),
    onSuccess: () => refreshRoots(queryClient, ['views']),
  })
}
