import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { AppShell } from './features/shell/AppShell.tsx'
import { connectJobProgress } from './lib/job-progress.ts'
import { connectLiveUpdates } from './lib/live-updates.ts'
import type { Transport } from './lib/transport.ts'

export function App({ transport, queryClient }: { transport: Transport; queryClient: QueryClient }) {
  useEffect(() => connectLiveUpdates(transport, queryClient), [transport, queryClient])
  useEffect(() => connectJobProgress(transport), [transport])
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  )
}
