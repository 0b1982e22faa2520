import type { GraphKeepBridge } from '../../shared/bridge.ts'
import type { Result } from '../../shared/errors.ts'
import type { Transport } from './transport.ts'

declare global {
  interface Window {
    graphkeep?: GraphKeepBridge
  }
}

export function electronBridge(): GraphKeepBridge | null {
  return typeof window.graphkeep === 'object' && window.graphkeep !== null ? window.graphkeep : null
}

export function createElectronTransport(bridge: GraphKeepBridge): Transport {
  return {
    call(method, input) {
      const fn = (bridge.api as Record<string, ((input: unknown) => Promise<Result<unknown>>) | undefined>)[method]
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${method}"` } })
      // IPC itself can fail (window closing, main restarting): keep errors as data like every other path.
      return fn(input).catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) },
      }))
    },
    subscribe: (listener) => bridge.onEvent(listener),
    files: 'on-disk',
    // Nothing to move: main reads the file where it is.
    async uploadFile(file) {
      const path = bridge.pathForFile(file)
      if (path) return { ok: true, data: { path } }
      return { ok: false, error: { code: 'VALIDATION', message: `"${file.name}" has no location on disk; save it to a file first` } }
    },
    async downloadExport() {
      return { ok: false, error: { code: 'VALIDATION', message: 'the export is already a file on this machine; open it from its folder' } }
    },
  }
}
