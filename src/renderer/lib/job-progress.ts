import { useCallback, useSyncExternalStore } from 'react'
import type { AppEvent } from '../../shared/events.ts'
import type { Transport } from './transport.ts'

export type JobProgress = Extract<AppEvent, { type: 'progress' }> & { receivedAt: number }

// Only the newest event of each job matters; a handful of jobs at most, so no pruning beyond that.
const MAX_JOBS = 20
const latestByJob = new Map<string, JobProgress>()
const listeners = new Set<() => void>()

function record(event: JobProgress): void {
  latestByJob.delete(event.jobId)
  latestByJob.set(event.jobId, event)
  if (latestByJob.size > MAX_JOBS) latestByJob.delete(latestByJob.keys().next().value as string)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The newest progress of a job whose id starts with `prefix`, received at or after `since`. */
function newestProgress(prefix: string, since: number): JobProgress | null {
  let newest: JobProgress | null = null
  for (const event of latestByJob.values()) {
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
  const snapshot = useCallback(() => newestProgress(prefix, since), [prefix, since])
  return useSyncExternalStore(subscribe, snapshot)
}
