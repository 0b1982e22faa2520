import { QueryClient } from '@tanstack/react-query'
import { GraphKeepError } from '../../shared/errors.ts'

/** Only failures that may pass on their own are retried; a missing node or bad input will not. */
function shouldRetry(failureCount: number, error: Error): boolean {
  const transient = !(error instanceof GraphKeepError) || error.code === 'INTERNAL' || error.code === 'STORE_CLOSED'
  return transient && failureCount < 2
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Fresh until a dataChanged event says otherwise (see live-updates.ts).
      queries: { staleTime: Infinity, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
