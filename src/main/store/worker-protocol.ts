import type { ErrorData } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import type { OpenStoreOptions } from './types.ts'

/** Messages between the store host (main thread) and the store worker. */
export type WorkerInit = Omit<OpenStoreOptions, 'onEvent'>
/** method is a contract name ('nodes.get') or 'close'. */
export type HostRequest = { id: number; method: string; args: unknown[] }
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ErrorData }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ErrorData }
  | { kind: 'event'; event: AppEvent }
