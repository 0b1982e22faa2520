import type { OpenedStore } from '../../shared/backup.ts'
import { methods, type Contract, type Handlers } from '../../shared/contract.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { HostMethod, StoreMethod } from '../store/api.ts'
import { SqlConsole, type StoreHost } from '../store/index.ts'

/** What the store worker cannot do itself, supplied by the process that hosts it (serve, the Electron app). */
export interface HandlerExtras {
  /** Serves the store file read-only on a server of its own; the answer is that server's page link. */
  openAsStore?: (file: string) => Promise<OpenedStore>
}

type StoreCaller = Pick<StoreHost, 'call' | 'file' | 'whenClosing'>

async function openBackupAsStore(store: StoreCaller, extras: HandlerExtras, id: string): Promise<OpenedStore> {
  if (!extras.openAsStore) throw new GraphKeepError('VALIDATION', 'opening a backup as a store is not available here')
  const backup = (await store.call('backup.list', {})).backups.find((candidate) => candidate.id === id)
  if (!backup) throw new GraphKeepError('NOT_FOUND', `no backup "${id}" in the backups folder`)
  return extras.openAsStore(backup.file)
}

/** The store's SQL console, started at its first statement and ended with the store. */
function lazyConsole(store: StoreCaller): () => SqlConsole {
  let sqlConsole: SqlConsole | null = null
  return () => {
    if (!sqlConsole) {
      const created = new SqlConsole(store.file)
      store.whenClosing(() => created.close())
      sqlConsole = created
    }
    return sqlConsole
  }
}

const hostCalls = (store: StoreCaller, extras: HandlerExtras) => {
  const sqlConsole = lazyConsole(store)
  return {
    'backup.openAsStore': ({ id }) => openBackupAsStore(store, extras, id),
    'console.run': (input) => sqlConsole().run(input),
    'console.plan': (input) => sqlConsole().plan(input),
    'console.schema': () => sqlConsole().schema(),
  } satisfies Pick<Handlers<Contract>, HostMethod>
}

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
