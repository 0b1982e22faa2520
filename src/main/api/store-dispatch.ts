import type { CallOrigin } from '../../shared/querylog.ts'
import type { StoreHost } from '../store/index.ts'
import { createDispatch, type Dispatch } from './dispatch.ts'
import { createHandlers, type HandlerExtras } from './handlers.ts'
import { queryLogOf } from './query-log-buffer.ts'

type Handlers = ReturnType<typeof createHandlers>

/**
 * What every transport builds over a store: its handler table behind dispatch, each call logged with where it
 * came from. `wrap` lets a transport guard the table (web mode confines file paths).
 */
export function createStoreDispatch(host: StoreHost, origin: CallOrigin, extras: HandlerExtras = {}, wrap: (handlers: Handlers) => Handlers = (handlers) => handlers): Dispatch {
  return createDispatch(wrap(createHandlers(host, extras)), { log: queryLogOf(host, origin) })
}
