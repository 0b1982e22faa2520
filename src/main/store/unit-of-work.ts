import type { AppEvent, DataScope } from '../../shared/events.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { Db } from './db.ts'
import { originOf } from './history/origin.ts'
import { auditCountsAfter, beginBatch, deleteBatchRow, latestAuditId, recordAuditSpan, recordBatchSummary } from './repos/batches.ts'

/** The open batch a change writes under. */
export interface Batch {
  readonly id: number
  /** One clock for the whole change: created_at, updated_at and the batch's time agree. */
  readonly now: number
  /** Adds to the summary what the audit trail does not list row by row (an import's inserted rows). */
  count(name: string, amount: number): void
}

/** A change too long for one transaction (an import): several transactions under one batch, closed once. */
export interface LongChange {
  /** The batch, once the first step has opened it. */
  readonly batchId: number | null
  /** One transaction; the first one opens the batch. */
  step<T>(work: (batch: Batch) => T): T
  /** Records the summary and tells listeners, if anything was written. */
  finish(): void
  /** The change left nothing behind (emptied again in the same transaction as this call): drop its batch. */
  discard(): void
}

export interface UnitOfWork {
  /** A change in one transaction under one audit batch; listeners hear of it after the commit. */
  change<T>(operation: string, scopes: DataScope[], work: (batch: Batch) => T): T
  /** A long change: the caller already holds the store (an import runs exclusively). */
  begin(operation: string, scopes: DataScope[]): LongChange
}

export interface UnitOfWorkOptions {
  onEvent?: (event: AppEvent) => void
  /** Why no change may happen now (a restore running), or null. */
  blockedBy?: () => string | null
  /** A store open for inspection: every change is refused with READ_ONLY (no retry will help). */
  readOnly?: boolean
}

/**
 * The one write path of the store. Every change — an edit, a bulk write, a saved view, a metadata
 * entry, an import — opens its transaction and audit batch here, and here the batch gets its summary
 * (counts by entity and operation, from its own audit rows and from what the change reports) and
 * listeners their dataChanged event. History, undo and the query log hang off this one place.
 */
export function createUnitOfWork(db: Db, options: UnitOfWorkOptions = {}): UnitOfWork {
  function openBatch(operation: string, now: number) {
    const auditFrom = latestAuditId(db)
    const id = beginBatch(db, operation, now, originOf(operation))
    const extra: Record<string, number> = {}
    const batch: Batch = { id, now, count: (name, amount) => void (extra[name] = (extra[name] ?? 0) + amount) }
    const span = () => recordAuditSpan(db, id, auditFrom)
    const summarise = () => {
      recordBatchSummary(db, id, { operation, counts: { ...auditCountsAfter(db, auditFrom), ...extra } })
      span()
    }
    return { batch, summarise, span }
  }

  return {
    change(operation, scopes, work) {
      if (options.readOnly) throw new GraphKeepError('READ_ONLY', `the store is open read-only for inspection: ${operation} is not possible`)
      const blocked = options.blockedBy?.()
      if (blocked) throw new GraphKeepError('STORE_BUSY', `the store cannot change now: ${blocked}`)
      const result = db.transaction(() => {
        const { batch, summarise } = openBatch(operation, Date.now())
        const value = work(batch)
        summarise()
        return value
      })()
      options.onEvent?.({ type: 'dataChanged', scopes })
      return result
    },

    begin(operation, scopes) {
      let open: ReturnType<typeof openBatch> | null = null
      return {
        get batchId() {
          return open?.batch.id ?? null
        },
        step(work) {
          if (options.readOnly) throw new GraphKeepError('READ_ONLY', `the store is open read-only for inspection: ${operation} is not possible`)
          return db.transaction(() => {
            open ??= openBatch(operation, Date.now())
            const value = work({ ...open.batch, now: Date.now() })
            // Each step, so that an import that never finishes still names its audit rows.
            open.span()
            return value
          })()
        },
        finish() {
          if (!open) return
          const { summarise } = open
          db.transaction(summarise)()
          options.onEvent?.({ type: 'dataChanged', scopes })
        },
        discard() {
          if (open) deleteBatchRow(db, open.batch.id)
          open = null
        },
      }
    },
  }
}
