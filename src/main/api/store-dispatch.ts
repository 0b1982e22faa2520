import type { CallOrigin } from '../../shared/querylog.ts'
import type { StoreHost } from '../store/index.ts'
import { createDispatch, type Dispatch } from './dispatch.ts'
import { createHandlers, type HandlerExtras } from './handlers.ts'
import { queryLogOf } from './query-log-buffer.ts'

/** What every transport builds over a store: its handler table behind dispatch, each call logged with where it came from. */
export function createStoreDispatch(host: StoreHost, origin: CallOrigin, extras: HandlerExtras = {}): Dispatch {
  return createDispatch(createHandlers(host, extras), { log: queryLogOf(host, origin) })
}
