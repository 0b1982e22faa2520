import type { AppEvent } from '../../../shared/events.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import type { GraphStore } from '../types.ts'

export interface TransferContext {
  /** The store's current connection (a restore replaces it). */
  db: () => Db
  storeFile: string
  onEvent?: (event: AppEvent) => void
  /** Runs work while every other write is refused with STORE_BUSY. */
  exclusively: <T>(work: string, run: () => Promise<T>) => Promise<T>
}

// Scaffold: the import/export helper replaces this file.
export function createTransferService(_context: TransferContext) {
  const notYet = (): never => { throw new GraphKeepError('INTERNAL', 'import and export are not built yet') }
  return {
    inspectImport: notYet, validateImport: notYet, runImport: notYet, cancelImport: notYet, runExport: notYet,
  } satisfies Partial<GraphStore>
}
