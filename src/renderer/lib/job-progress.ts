import type { AppEvent } from '../../shared/events.ts'
import { createClientStore } from './client-store.ts'
import type { Transport } from './transport.ts'

export type JobProgress = Extract<AppEvent, { type: 'progress' }> & { receivedAt: number }

// Only the newest event of each job matters; a handful of jobs at most, so no pruning beyond that.
const MAX_JOBS = 20
const latestByJob = createClientStore<ReadonlyMap<string, JobProgress>>(new Map())

function record(event: JobProgress): void {
  const next = new Map(latestByJob.get())
  next.delete(event.jobId)
  next.set(event.jobId, event)
  if (next.size > MAX_JOBS) next.delete(next.keys().next().value as string)
  latestByJob.set(next)
}

/** The newest progress of a job whose id starts with `prefix`, received at or after `since`. */
function newestProgress(latest: ReadonlyMap<string, JobProgress>, prefix: string, since: number): JobProgress | null {
  let newest: JobProgress | null = null
  for (const event of latest.values()) {
    if (event.jobId.startsWith(prefix) && event.receivedAt >= since) newest = event
  }
  return newest
}

/** Feeds progress events into the store read by `useJobProgress`. Returns the unsubscribe. */
export function connectJobProgress(transport: Transport): () => void {
  return transport.subscribe((event) => {
    if (event.type === 'progress') record({ ...event, receivedAt: Date.now() })
  })
}

export function useJobProgress(prefix: string, since: number): JobProgress | null {
  return latestByJob.useSelect((latest) => newestProgress(latest, prefix, since))
}
