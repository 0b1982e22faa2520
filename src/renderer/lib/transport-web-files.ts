import { isErrorCode, type Result } from '../../shared/errors.ts'
import type { UploadProgress } from './transport.ts'

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message } }
}

function asResult<T>(body: unknown, status: number): Result<T> {
  const value = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } } | null
  if (value?.ok === true && 'data' in value) return value as Result<T>
  if (value?.ok === false && isErrorCode(value.error?.code) && typeof value.error?.message === 'string') return value as Result<T>
  return failure(`Unexpected response from the server (HTTP ${status})`)
}

/** The last part of a path written on any OS. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/**
 * `POST /api/upload` with the file as the raw body. XMLHttpRequest rather than fetch: only it reports how much
 * of the body has been sent, and a large file deserves a progress bar.
 */
export function uploadOverHttp(authorization: string, file: File, onProgress?: UploadProgress): Promise<Result<{ path: string }>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/upload?${new URLSearchParams({ name: file.name })}`)
    xhr.setRequestHeader('Authorization', authorization)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.responseType = 'json'
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size)
    xhr.onload = () => resolve(asResult(xhr.response, xhr.status))
    xhr.onerror = () => resolve(failure(`The upload of "${file.name}" failed: the GraphKeep server could not be reached or closed the connection`))
    xhr.onabort = () => resolve(failure(`The upload of "${file.name}" was stopped`))
    xhr.send(file)
  })
}

/** `GET /api/exports/<name>` with the token: the token cannot ride on a plain link, so the bytes come as a Blob. */
export async function downloadOverHttp(authorization: string, path: string): Promise<Result<Blob>> {
  let response: Response
  try {
    response = await fetch(`/api/exports/${encodeURIComponent(fileNameOf(path))}`, { headers: { Authorization: authorization } })
  } catch {
    return failure('Cannot reach the GraphKeep server. Is `npm run web` still running?')
  }
  if (!response.ok) return asResult(await response.json().catch(() => null), response.status)
  return { ok: true, data: await response.blob() }
}
