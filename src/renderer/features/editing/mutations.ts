import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input } from '../../../shared/contract.ts'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'
import { DATA_ROOTS } from '../history/mutations.ts'

/** Node and edge edits: each call is one audited batch that Ctrl+Z undoes. */
function useEdit<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: call, onSuccess: () => refreshRoots(queryClient, DATA_ROOTS) })
}

export const useCreateNode = () => useEdit((input: Input<'nodes.create'>) => api.call('nodes.create', input))
export const useUpdateNode = () => useEdit((input: Input<'nodes.update'>) => api.call('nodes.update', input))
export const useCreateEdge = () => useEdit((input: Input<'edges.create'>) => api.call('edges.create', input))
export const useDeleteEdge = () => useEdit((id: number) => api.call('edges.delete', { id }))
export const useBulkEditNodes = () => useEdit((input: Input<'nodes.updateMany'>) => api.call('nodes.updateMany', input))
export const useDeleteNodes = () => useEdit((keys: string[]) => api.call('nodes.deleteMany', { keys }))
/** A graph view's selection: nodes (with their edges) and edges, one batch. */
export const useDeleteSelection = () =>
  useEdit(({ keys, edgeIds }: { keys: string[]; edgeIds: number[] }) =>
    keys.length > 0 ? api.call('nodes.deleteMany', { keys, edgeIds }) : api.call('edges.deleteMany', { ids: edgeIds }))
