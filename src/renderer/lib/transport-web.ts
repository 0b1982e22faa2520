import { isErrorCode, type Result } from '../../shared/errors.ts'
import { openEventStream } from './event-stream.ts'
import type { Transport } from './transport.ts'
import { downloadOverHttp, uploadOverHttp } from './transport-web-files.ts'

function failure(message: string): Result<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message } }
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false
  const value = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (value.ok === true) return 'data' in value
  return value.ok === false && isErrorCode(value.error?.code) && typeof value.error?.message === 'string'
}

/** Web mode: `POST /api/<method>` with the bearer token; events over one shared streaming GET. */
export function createWebTransport(token: string): Transport {
  const authorization = `Bearer ${token}`

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    let response: Response
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return failure('Cannot reach the GraphKeep server. Is `npm run web` still running?')
    }
    const body: unknown = await response.json().catch(() => null)
    return isResult(body) ? body : failure(`Unexpected response from the server (HTTP ${response.status})`)
  }

  const listeners = new Set<Parameters<Transport['subscribe']>[0]>()
  let closeStream: (() => void) | null = null

  return {
    call,
    files: 'over-http',
    uploadFile: (file, onProgress) => uploadOverHttp(authorization, file, onProgress),
    downloadExport: (path) => downloadOverHttp(authorization, path),
    subscribe(listener) {
      listeners.add(listener)
      closeStream ??= openEventStream('/api/events', authorization, (event) => {
        for (const each of listeners) each(event)
      })
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && closeStream) {
          closeStream()
          closeStream = null
        }
      }
    },
  }
}
