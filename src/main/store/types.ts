import type { AppEvent } from '../../shared/events.ts'
import type { Remote } from './api.ts'
import type { openStore } from './graph-store.ts'

export interface OpenStoreOptions {
  /** Path of the store file; created with the current schema when missing. */
  file: string
  /** Shown in the app; defaults to the file name. */
  name?: string
  /** Open for inspection only (a backup, say): every write is refused and nothing is migrated. */
  readOnly?: boolean
  /** Receives dataChanged after every committed write, and progress of long work. */
  onEvent?: (event: AppEvent) => void
  /** Other connections to the same file (the host's reader pool), which a restore stops and starts again. */
  readers?: ReaderControl
}

/** What the writer needs of the readers beside it: a restore may swap the file only once they are all closed. */
export interface ReaderControl {
  /** Resolves once every reader connection is closed; reads meanwhile go to the writer. */
  pause(): Promise<void>
  /** Opens readers on the (new) file again. */
  resume(): void
}

/** The graph store's synchronous calls, named as the contract names them: one connection, used from one thread. */
export type GraphStore = ReturnType<typeof openStore>

/** The same calls across the worker boundary: every call is async and rejects with a GraphKeepError. */
export type RemoteStore = Remote<Omit<GraphStore, 'file' | 'close'>>
