import type { ErrorData } from '../../shared/errors.ts'
import type { DataScope } from '../../shared/events.ts'
import type { OpenStoreOptions, StoreMethod } from './types.ts'

/** Messages between the store host (main thread) and the store worker. */
export type WorkerInit = Omit<OpenStoreOptions, 'onChange'>
export type HostRequest = { id: number; method: StoreMethod | 'close'; args: unknown[] }
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ErrorData }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ErrorData }
  | { kind: 'changed'; scopes: DataScope[] }
