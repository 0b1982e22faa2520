import { useSyncExternalStore } from 'react'
import type { ImportSummary } from '../../../shared/transfer.ts'

/**
 * The import that is writing (or has just finished), kept outside the page so that leaving the Import page
 * and coming back shows its progress, its Cancel button and then its summary instead of an empty chooser.
 */
export interface ActiveImport {
  jobId: string
  since: number
  names: string[]
  state: 'running' | 'finished' | 'failed'
  summary: ImportSummary | null
  error: unknown
}

let active: ActiveImport | null = null
let seen: string | null = null
const listeners = new Set<() => void>()

function set(next: ActiveImport | null): void {
  active = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function trackImport(jobId: string, since: number, names: string[], run: Promise<ImportSummary>): void {
  set({ jobId, since, names, state: 'running', summary: null, error: null })
  const settle = (patch: Partial<ActiveImport>) => {
    if (active?.jobId !== jobId) return
    set(seen === jobId ? null : { ...active, ...patch })
  }
  run.then(
    (summary) => settle({ state: 'finished', summary }),
    (error: unknown) => settle({ state: 'failed', error }),
  )
}

export function useActiveImport(): ActiveImport | null {
  return useSyncExternalStore(subscribe, () => active)
}

/** Its outcome has been seen (by the flow that started it, or on coming back): the page may start afresh. */
export function dismissImport(jobId: string): void {
  seen = jobId
  if (active?.jobId === jobId && active.state !== 'running') set(null)
}

/** While an import writes, a drop must not replace its flow (and its Cancel button). */
export function isImportRunning(): boolean {
  return active?.state === 'running'
}
