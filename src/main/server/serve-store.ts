import { dirname } from 'node:path'
import type { HandlerExtras } from '../api/handlers.ts'
import { createStoreDispatch } from '../api/store-dispatch.ts'
import type { StoreHost } from '../store/host.ts'
import { confinePaths } from './confined-paths.ts'
import { startWebServer, type WebServer } from './index.ts'
import { transferFoldersBeside } from './transfer-folders.ts'

export interface ServeStoreOptions {
  rendererDir: string
  host?: string
  port?: number
  extras?: HandlerExtras
}

/** Web mode over an open store: its handler table and its events behind a loopback server. */
export function serveStore(store: StoreHost, options: ServeStoreOptions): Promise<WebServer> {
  const files = transferFoldersBeside(store.file, async () => !(await store.store.store.stats()).readOnly)
  const roots = { uploads: files.uploads, exports: files.exports, storeFolder: dirname(store.file) }
  return startWebServer({
    dispatch: createStoreDispatch(store, 'web', options.extras, (handlers) => confinePaths(handlers, roots)),
    subscribe: (listener) => store.onEvent(listener),
    rendererDir: options.rendererDir,
    host: options.host,
    port: options.port,
    // Asked per upload: a store opened read-only for inspection takes nothing beside it.
    files,
  })
}
