import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'

/** The edge type a kept similarity link is stored as. */
export const SIMILAR_EDGE_TYPE = 'similar_to'

/** Keeps a similarity link as a real edge (an audited write), with its score and model as properties. */
export function useKeepAsEdge() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ source, target, score, model }: { source: string; target: string; score: number; model: string }) =>
      api.call('edges.create', { source, target, type: SIMILAR_EDGE_TYPE, weight: score, properties: { similarity: score, model } }),
    onSuccess: () => refreshRoots(queryClient, ['edges', 'neighbours', 'types', 'store', 'graph']),
  })
}

export function useBuildIndex() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (model: string) => api.call('similar.buildIndex', { model }),
    onSuccess: () => refreshRoots(queryClient, ['similar']),
  })
}
