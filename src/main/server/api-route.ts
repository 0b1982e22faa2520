import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dispatch } from '../api/dispatch.ts'
import { isJsonContentType, readJsonBody } from './json-body.ts'
import { sendError, sendJson, sendMethodNotAllowed } from './respond.ts'
import { httpStatusFor } from './status.ts'

/** `POST /api/<method>` with a JSON body → dispatch → the Result as JSON. The caller has already checked the sender. */
export function createApiRoute(dispatch: Dispatch) {
  return async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST')
    if (!isJsonContentType(req.headers['content-type'])) {
      return sendError(res, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the body must be JSON (Content-Type: application/json)' })
    }
    const body = await readJsonBody(req)
    if (!body.ok) {
      // Stop reading an oversized body: answer, then let the connection go.
      if (body.status === 413) res.setHeader('Connection', 'close')
      return sendError(res, body.error, body.status)
    }
    const result = await dispatch(method, body.value)
    sendJson(res, httpStatusFor(result), result)
  }
}
