import type { ImportSummary } from '../../../shared/transfer.ts'
import { createClientStore } from '../../lib/client-store.ts'

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

const active = createClientStore<ActiveImport | null>(null)
let seen: string | null = null

export function trackImport(jobId: string, since: number, names: string[], run: Promise<ImportSummary>): void {
  active.set({ jobId, since, names, state: 'running', summary: null, error: null })
  const settle = (patch: Partial<ActiveImport>) => {
    const current = active.get()
    if (current?.jobId !== jobId) return
    active.set(seen === jobId ? null : { ...current, ...patch })
  }
  run.then(
    (summary) => settle({ state: 'finished', summary }),
    (error: unknown) => settle({ state: 'failed', error }),
  )
}

export function useActiveImport(): ActiveImport | null {
  return active.use()
}

/** Its outcome has been seen (by the flow that started it, or on coming back): the page may start afresh. */
export function dismissImport(jobId: string): void {
  seen = jobId
  const current = active.get()
  if (current?.jobId === jobId && current.state !== 'running') active.set(null)
}

/** While an import writes, a drop must not replace its flow (and its Cancel button). */
export function isImportRunning(): boolean {
  return active.get()?.state === 'running'
}
