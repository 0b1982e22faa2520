import { performance } from 'node:perf_hooks'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { AppEvent } from '../../../shared/events.ts'
import type { CompactResult } from '../../../shared/health.ts'
import type { Db } from '../db.ts'
import { rebuildStoreFile } from '../repos/health.ts'
import { checkpointAndTruncateWal, refreshPlannerStatistics } from '../repos/pragmas.ts'
import { storeBytes } from './sizes.ts'

type OnEvent = ((event: AppEvent) => void) | undefined

/**
 * Runs one step with before/after sizes. SQLite reports no progress inside VACUUM or optimize, so the
 * job is one unit: 0/1 when it starts, 1/1 when it ends (also on failure, so no progress bar is left hanging).
 */
function measured(file: string, onEvent: OnEvent, job: { name: string; label: string }, work: () => void): CompactResult {
  const jobId = `${job.name}-${Date.now()}`
  const progress = (done: number) => onEvent?.({ type: 'progress', jobId, label: job.label, done, total: 1 })
  const bytesBefore = storeBytes(file)
  const started = performance.now()
  progress(0)
  try {
    work()
  } finally {
    progress(1)
  }
  return { bytesBefore, bytesAfter: storeBytes(file), seconds: (performance.now() - started) / 1000 }
}

/** Rebuilds the store file without its free pages, and leaves the WAL empty. */
export function vacuumStore(db: Db, file: string, onEvent: OnEvent): CompactResult {
  if (db.inTransaction) {
    throw new GraphKeepError('CONFLICT', 'the store cannot be compacted while a transaction is open; try again when it has finished')
  }
  return measured(file, onEvent, { name: 'vacuum', label: 'Compacting the store' }, () => {
    checkpointAndTruncateWal(db)
    rebuildStoreFile(db)
    checkpointAndTruncateWal(db)
  })
}

export function optimizeStore(db: Db, file: string, onEvent: OnEvent): CompactResult {
  return measured(file, onEvent, { name: 'optimize', label: 'Optimizing the store' }, () => refreshPlannerStatistics(db))
}
