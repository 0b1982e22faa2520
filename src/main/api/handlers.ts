import type { OpenedStore } from '../../shared/backup.ts'
import { methods, type Contract, type Handlers } from '../../shared/contract.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { HostMethod, StoreMethod } from '../store/api.ts'
import type { StoreHost } from '../store/index.ts'

/** What the store worker cannot do itself, supplied by the process that hosts it (serve, the Electron app). */
export interface HandlerExtras {
  /** Serves the store file read-only on a server of its own; the answer is that server's page link. */
  openAsStore?: (file: string) => Promise<OpenedStore>
}

type StoreCaller = Pick<StoreHost, 'call'>

async function openBackupAsStore(store: StoreCaller, extras: HandlerExtras, id: string): Promise<OpenedStore> {
  if (!extras.openAsStore) throw new GraphKeepError('VALIDATION', 'opening a backup as a store is not available here')
  const backup = (await store.call('backup.list', {})).backups.find((candidate) => candidate.id === id)
  if (!backup) throw new GraphKeepError('NOT_FOUND', `no backup "${id}" in the backups folder`)
  return extras.openAsStore(backup.file)
}

const hostCalls = (store: StoreCaller, extras: HandlerExtras) => ({
  'backup.openAsStore': ({ id }) => openBackupAsStore(store, extras, id),
}) satisfies Pick<Handlers<Contract>, HostMethod>

/**
 * The one handler table: every store call goes to the store method of the same name (dispatch has
 * parsed its input); the host's own calls are listed. The store's type is checked against the
 * contract (api.ts), so a call the store lacks is a compile error there.
 */
export function createHandlers(store: StoreCaller, extras: HandlerExtras = {}): Handlers<Contract> {
  const host: Record<string, unknown> = hostCalls(store, extras)
  const table = Object.fromEntries(
    methods.map((method) => [method, host[method] ?? ((input: unknown) => store.call(method as StoreMethod, input))]),
  )
  return table as Handlers<Contract>
}
