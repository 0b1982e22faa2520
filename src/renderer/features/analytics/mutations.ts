import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { RunMetricInput } from '../../../shared/analytics.ts'
import { api } from '../../lib/api.ts'
import { refreshRoots } from '../../lib/live-updates.ts'

function useRefreshAnalytics() {
  const queryClient = useQueryClient()
  return () => refreshRoots(queryClient, ['analytics'])
}

export function useRunMetric() {
  const refresh = useRefreshAnalytics()
  return useMutation({ mutationFn: (input: RunMetricInput) => api.call('analytics.run', input), onSuccess: refresh })
}

export function useCancelMetric() {
  return useMutation({ mutationFn: (jobId: string) => api.call('analytics.cancel', { jobId }) })
}

export function useDeleteRun() {
  const refresh = useRefreshAnalytics()
  return useMutation({ mutationFn: (runId: number) => api.call('analytics.delete', { runId }), onSuccess: refresh })
}
