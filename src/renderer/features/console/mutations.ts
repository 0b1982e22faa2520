import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ConsoleRunInput } from '../../../shared/sql-console.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

const HISTORY_WRITE_DELAY_MS = 600

/** Runs one statement; the statement history (read from the query log) then shows it. */
export function useRunStatement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ConsoleRunInput) => api.call('console.run', input),
    onSettled: () => {
      const history = { queryKey: [...queryRoots.querylog, 'console-history'] }
      void queryClient.invalidateQueries(history)
      // The log is written in batches every 250 ms: look again once this statement's entry is in.
      setTimeout(() => void queryClient.invalidateQueries(history), HISTORY_WRITE_DELAY_MS)
    },
  })
}

export function useExplainStatement() {
  return useMutation({ mutationFn: (sql: string) => api.call('console.plan', { sql }) })
}
