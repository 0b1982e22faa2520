import type { AppEvent, DataScope } from '../../../shared/events.ts'
import type { Db } from '../db.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import { beginBatch } from '../repos/batches.ts'

export type Write = <T>(operation: string, scopes: DataScope[], work: (now: number, batchId: number) => T) => T

/**
 * Every change runs here: one synchronous transaction that opens its audit batch first,
 * then tells listeners what changed once it has committed.
 */
export function createWrite(db: Db, onEvent?: (event: AppEvent) => void, blockedBy?: () => string | null): Write {
  return (operation, scopes, work) => {
    const blocked = blockedBy?.()
    if (blocked) throw new GraphKeepError('STORE_BUSY', `the store cannot change now: ${blocked}`)
    const now = Date.now()
    const result = db.transaction(() => work(now, beginBatch(db, operation, now)))()
    onEvent?.({ type: 'dataChanged', scopes })
    return result
  }
}

/** The SQLite extended result code of a failed statement, if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}
