import { GraphKeepError } from '../../shared/errors.ts'
import type { StoreCalls } from './api.ts'

/** Why a store open for inspection cannot do `task`: READ_ONLY, which no retry will change (STORE_BUSY would invite one). */
export const readOnlyRefusal = (task: string) =>
  new GraphKeepError('READ_ONLY', `the store is open read-only for inspection: ${task} is not possible, and nothing is written beside it`)

const refuse = (task: string) => (): never => {
  throw readOnlyRefusal(task)
}
// Calls that answer with a promise reject, as they would have had they started.
const refuseAsync = (task: string) => (): Promise<never> => Promise.reject(readOnlyRefusal(task))

/**
 * A store open read-only (a backup opened as a store, `serve --read-only`) refuses every call that would
 * write in it or beside it — maintenance, backups and their settings, exports, imports — before it starts.
 */
export function guardReadOnly(store: Pick<StoreCalls, 'health' | 'backup' | 'export' | 'import'>): void {
  Object.assign(store.health, { vacuum: refuse('compacting'), optimize: refuse('optimizing') })
  Object.assign(store.backup, {
    create: refuseAsync('a backup'), verify: refuseAsync('recording a verification'), delete: refuse('deleting a backup'),
    restore: refuseAsync('a restore'), undoRestore: refuseAsync('undoing a restore'), setSettings: refuse('changing backup settings'),
  })
  Object.assign(store.export, { run: refuseAsync('an export beside the inspected file') })
  Object.assign(store.import, { validate: refuseAsync('an import'), run: refuseAsync('an import') })
}
