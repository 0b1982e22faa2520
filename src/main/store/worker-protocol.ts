import type { ErrorData } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import type { SharedBase } from './graph/shared-base.ts'
import type { SharedModelVectors } from './vectors/shared-vectors.ts'
import type { OpenStoreOptions } from './types.ts'

/** Messages between the store host (main thread), the writer worker and the reader workers. */
export type WorkerInit = Omit<OpenStoreOptions, 'onEvent' | 'readers'> & {
  /** Read-only connections beside the writer; 0 (or a read-only store): the writer answers every call. */
  readerCount?: number
}
/** A reader's or the adjacency builder's start: the store file and what it is for. */
export interface ReaderInit {
  file: string
  name?: string
  /** 'vectors': the one-off loader of every model's vectors into shared memory. */
  role: 'reader' | 'builder' | 'vectors'
  /** The builder may take the adjacency file kept beside the store when it fits, instead of reading every edge. */
  reuseKept?: boolean
  /** A reader's: the host's write generation (write-generation.ts); without it, every call takes its own snapshot. */
  generation?: SharedArrayBuffer
}
/** method is a contract name ('nodes.get') or 'close'. */
export type HostRequest = { id: number; method: string; args: unknown[] }
/** What the host sends a worker besides calls. */
export type HostNotice =
  | { kind: 'readersPaused'; id: number }
  // null: the build asked for failed; the reader may ask again later.
  | { kind: 'installAdjacency'; base: SharedBase | null }
  | { kind: 'installVectors'; models: SharedModelVectors[] | null }
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ErrorData }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ErrorData }
  | { kind: 'event'; event: AppEvent }
  // The writer, around a restore.
  | { kind: 'pauseReaders'; id: number }
  | { kind: 'resumeReaders' }
  // A reader needs a (newer) shared adjacency; the builder hands one over (null: it could not).
  | { kind: 'needAdjacency' }
  | { kind: 'built'; base: SharedBase | null; error?: ErrorData }
  // A reader needs (newer) shared vectors; the loader hands them over (null: it could not).
  | { kind: 'needVectors' }
  // A reader found a model's saved index missing or far behind: the writer brings it up to date or builds it.
  | { kind: 'needIndex'; model: string }
  | { kind: 'vectorsLoaded'; models: SharedModelVectors[] | null }
