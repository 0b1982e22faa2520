import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'

export const DATA_ROOTS = ['nodes', 'edges', 'neighbours', 'types', 'store', 'search', 'graph', 'history'] as const

/** What the graph view listens for: an undo, redo or restore changed rows it may show. */
export const DATA_REVERTED_EVENT = 'graphkeep:data-reverted'

export function afterDataChange(queryClient: QueryClient): Promise<void> {
  window.dispatchEvent(new Event(DATA_REVERTED_EVENT))
  return refreshRoots(queryClient, DATA_ROOTS)
}

export function useUndoBatch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ batchId, withLater }: { batchId: number; withLater: boolean }) => api.call('history.undo', { batchId, withLater }),
    onSuccess: () => afterDataChange(queryClient),
  })
}

export function useRedoBatch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (batchId: number) => api.call('history.redo', { batchId }),
    onSuccess: () => afterDataChange(queryClient),
  })
}

export function useRestoreDeleted() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { nodes: number[]; edges?: number[] }) => api.call('history.restore', input),
    onSuccess: () => afterDataChange(queryClient),
  })
}

export function useHistorySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (retentionDays: number | null) => api.call('history.setSettings', { retentionDays }),
    onSuccess: () => refreshRoots(queryClient, ['history', 'health', 'meta']),
  })
}
