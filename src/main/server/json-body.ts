import type { IncomingMessage } from 'node:http'
import type { ErrorData } from '../../shared/errors.ts'

export const MAX_BODY_BYTES = 64 * 1024 * 1024

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: ErrorData }

// JSON is UTF-8 (RFC 8259), so the only parameter allowed is charset=utf-8.
const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i

export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && JSON_CONTENT_TYPE.test(header.trim())
}

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  error: { code: 'VALIDATION', message: `the request body is larger than ${limit} bytes` },
})

const unreadable: BodyResult = { ok: false, status: 400, error: { code: 'VALIDATION', message: 'the request body could not be read' } }

/** Reads and parses a JSON body up to `limit` bytes; an empty body means "no input". */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(tooLarge(limit))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData).off('end', onEnd)
      req.pause()
      resolve(tooLarge(limit))
    }
    const onEnd = () => resolve(parseJson(Buffer.concat(chunks)))
    req.on('data', onData).on('end', onEnd).on('error', () => resolve(unreadable))
  })
}

function parseJson(bytes: Buffer): BodyResult {
  if (bytes.length === 0) return { ok: true, value: undefined }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, status: 400, error: { code: 'VALIDATION', message: `the request body is not valid JSON: ${reason.slice(0, 200)}` } }
  }
}
