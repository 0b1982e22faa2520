import type { Input, Method, Output } from './contract.ts'
import type { Result } from './errors.ts'
import type { AppEvent } from './events.ts'

/** IPC channel names shared by the preload and the Electron transport. */
export const ipcChannels = { call: 'graphkeep:call', event: 'graphkeep:event' } as const

/** What the preload exposes as `window.graphkeep`: one function per contract call, and the events channel. */
export interface GraphKeepBridge {
  api: { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> }
  onEvent(listener: (event: AppEvent) => void): () => void
  /** The location on disk of a file the user dropped or picked (Electron only: browsers never reveal it); '' when it has none. */
  pathForFile(file: File): string
}
