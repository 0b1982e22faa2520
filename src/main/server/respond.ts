import type { ServerResponse } from 'node:http'
import type { ErrorData, Result } from '../../shared/errors.ts'
import { httpStatusByCode } from './status.ts'


/** Sent on every response, whatever route answers it. No Access-Control-* header is ever sent. */
export function setBaseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

/** An error as the same Result body the API returns; the status follows the code unless the route says otherwise. */
export function sendError(res: ServerResponse, error: ErrorData, status = httpStatusByCode[error.code]): void {
  sendJson(res, status, { ok: false, error })
}

export function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow)
  sendError(res, { code: 'VALIDATION', message: `method not allowed; use ${allow}` }, 405)
}
