import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppEvent } from '../../shared/events.ts'
import { sendMethodNotAllowed } from './respond.ts'

export type Subscribe = (listener: (event: AppEvent) => void) => () => void

// Keeps idle proxies and the browser from dropping a quiet stream.
export const PING_INTERVAL_MS = 15_000

/** `GET /api/events` as server-sent events: one `data:` line of JSON per AppEvent. */
export function createEventsRoute(subscribe: Subscribe, pingMs = PING_INTERVAL_MS) {
  const open = new Set<ServerResponse>()

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET')
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    // An event may arrive between end() and 'close'; writing after end would throw on the response.
    const write = (text: string) => void (res.writableEnded || res.destroyed || res.write(text))
    write(': connected\n\n')
    const unsubscribe = subscribe((event) => write(`data: ${JSON.stringify(event)}\n\n`))
    const ping = setInterval(() => write(': ping\n\n'), pingMs)
    open.add(res)
    res.on('close', () => {
      clearInterval(ping)
      unsubscribe()
      open.delete(res)
    })
  }

  /** Ends every open stream, so that the server can close. */
  const closeAll = (): void => {
    for (const res of open) res.end()
  }

  return { handle, closeAll }
}
