import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sendError, sendJson, sendMethodNotAllowed } from './respond.ts'
import { safeFileName, type TransferFolders } from './transfer-folders.ts'

// Uploads exist only to be imported; a day later they are litter.
const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000
const MAX_NAME_LENGTH = 255

class TooLarge extends Error {}

/** Counts bytes as they pass and fails the stream past `limit`, so that nothing larger reaches the disk. */
function byteLimit(limit: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.bytes += chunk.length
      if (counted.bytes > limit) return done(new TooLarge())
      done(null, chunk)
    },
  })
}

function isOctetStream(header: string | undefined): boolean {
  return header !== undefined && /^application\/octet-stream\s*$/i.test(header.trim())
}

/**
 * `POST /api/upload?name=<original name>` with the file as the raw body (Content-Type: application/octet-stream):
 * streamed to a new file with a generated name in the uploads folder; answers `{ path, bytes }`. Web mode only:
 * a browser never reveals where a file lives, so the file itself has to come over.
 */
export function createUploadRoute(folders: TransferFolders) {
  const tooLarge = (res: ServerResponse) => {
    // Stop reading an oversized body: answer, then let the connection go.
    res.setHeader('Connection', 'close')
    sendError(res, { code: 'VALIDATION', message: `the file is larger than the upload limit of ${folders.maxUploadBytes} bytes` }, 413)
  }

  return async (req: IncomingMessage, res: ServerResponse, search: URLSearchParams): Promise<void> => {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST')
    const name = search.get('name') ?? ''
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
      return sendError(res, { code: 'VALIDATION', message: `name the file: ?name=<file name> (1 to ${MAX_NAME_LENGTH} characters)` })
    }
    if (!isOctetStream(req.headers['content-type'])) {
      return sendError(res, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the file as the raw body (Content-Type: application/octet-stream)' })
    }
    if (Number(req.headers['content-length'] ?? 0) > folders.maxUploadBytes) return tooLarge(res)
    if (!(await folders.canWrite())) {
      return sendError(res, { code: 'FORBIDDEN', message: 'this store is open read-only: nothing can be uploaded to it' })
    }

    await mkdir(folders.uploads, { recursive: true })
    const stamp = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`
    const path = join(folders.uploads, `${stamp}-${safeFileName(name)}`)
    // Written under a temporary name and renamed when complete, so that a cut-off upload is never taken for a file.
    const partial = `${path}.part`
    const counted = { bytes: 0 }
    try {
      await receive(req, byteLimit(folders.maxUploadBytes, counted), partial)
      await rename(partial, path)
    } catch (error) {
      await unlink(partial).catch(() => undefined)
      if (error instanceof TooLarge) {
        req.pause()
        return tooLarge(res)
      }
      if (res.destroyed) return
      return sendError(res, { code: 'VALIDATION', message: 'the upload was cut off before the whole file arrived' })
    }
    void pruneOldUploads(folders.uploads, path)
    sendJson(res, 200, { ok: true, data: { path, bytes: counted.bytes } })
  }
}

/**
 * The body through the limit into the file. Not `pipeline(req, …)`: that would destroy the request, and with it
 * the socket, before a 413 could be sent.
 */
function receive(req: IncomingMessage, limit: Transform, file: string): Promise<void> {
  const written = pipeline(limit, createWriteStream(file, { flags: 'wx' }))
  req.on('error', (error) => limit.destroy(error))
  req.on('close', () => {
    if (!req.complete) limit.destroy(new Error('the upload was cut off'))
  })
  req.pipe(limit)
  return written
}

/** Best effort: leftovers of earlier imports go once they are a day old. */
async function pruneOldUploads(folder: string, keep: string): Promise<void> {
  const cutoff = Date.now() - KEEP_UPLOADS_MS
  for (const entry of await readdir(folder).catch(() => [])) {
    const file = join(folder, entry)
    if (file === keep) continue
    const info = await stat(file).catch(() => null)
    if (info?.isFile() && info.mtimeMs < cutoff) await unlink(file).catch(() => undefined)
  }
}
