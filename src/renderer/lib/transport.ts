import type { Result } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import { createElectronTransport, electronBridge } from './transport-electron.ts'
import { createWebTransport } from './transport-web.ts'
import { readWebToken, reloadOnTokenLink } from './web-token.ts'

export type UploadProgress = (sentBytes: number, totalBytes: number) => void

/** Moves calls and events between the renderer and main; holds no logic of its own. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
  subscribe(listener: (event: AppEvent) => void): () => void
  /** Electron: files keep their place on disk. Web mode: the browser hides it, so files travel over HTTP. */
  readonly files: 'on-disk' | 'over-http'
  /** A path the store can read for a file the user chose: its own (Electron) or a fresh upload (web mode). */
  uploadFile(file: File, onProgress?: UploadProgress): Promise<Result<{ path: string }>>
  /** The bytes of a file the export wrote into the exports folder (web mode; Electron shows the path instead). */
  downloadExport(path: string): Promise<Result<Blob>>
}

export type TransportBoot = { kind: 'ready'; transport: Transport } | { kind: 'missing-token' }

let booted: Transport | null = null

/** Electron's preload bridge when present, otherwise web mode with the token from the page link. */
export function bootTransport(): TransportBoot {
  const bridge = electronBridge()
  if (bridge) return ready(createElectronTransport(bridge))
  const token = readWebToken()
  reloadOnTokenLink()
  if (!token) return { kind: 'missing-token' }
  return ready(createWebTransport(token))
}

function ready(transport: Transport): TransportBoot {
  booted = transport
  return { kind: 'ready', transport }
}

/** The transport chosen at boot, for the file plumbing that is not a contract call (uploads, downloads). */
export function bootedTransport(): Transport | null {
  return booted
}
