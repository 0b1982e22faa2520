import type { Result } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import { createElectronTransport, electronBridge } from './transport-electron.ts'
import { createWebTransport } from './transport-web.ts'
import { readWebToken, reloadOnTokenLink } from './web-token.ts'

/** Moves calls and events between the renderer and main; holds no logic of its own. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
  subscribe(listener: (event: AppEvent) => void): () => void
}

export type TransportBoot = { kind: 'ready'; transport: Transport } | { kind: 'missing-token' }

/** Electron's preload bridge when present, otherwise web mode with the token from the page link. */
export function bootTransport(): TransportBoot {
  const bridge = electronBridge()
  if (bridge) return { kind: 'ready', transport: createElectronTransport(bridge) }
  const token = readWebToken()
  reloadOnTokenLink()
  if (!token) return { kind: 'missing-token' }
  return { kind: 'ready', transport: createWebTransport(token) }
}
