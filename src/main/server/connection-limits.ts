import type { IncomingMessage, Server } from 'node:http'

/** How long a loopback client may take, and how many connections it may hold (D9). */
export interface ConnectionLimits {
  /** From connecting (or the end of the last answer) to the end of the headers: idle and half-sent connections. */
  headersMs: number
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number
  /** The whole request, body included: a body that stalls is cut then (an 8 GiB upload on a slow disk fits). The answer may take longer. */
  requestMs: number
  maxConnections: number
  /** How often Node looks for connections past headersMs and requestMs. */
  checkEveryMs: number
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  headersMs: 10_000,
  keepAliveMs: 5_000,
  requestMs: 30 * 60_000,
  maxConnections: 128,
  checkEveryMs: 1_000,
}

/** The options node:http takes at creation (the checking interval cannot be changed later). */
export const serverOptions = (limits: ConnectionLimits) => ({
  headersTimeout: limits.headersMs,
  requestTimeout: limits.requestMs,
  keepAliveTimeout: limits.keepAliveMs,
  connectionsCheckingInterval: limits.checkEveryMs,
})

export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections
}

/** RFC 9112 §3.2: a request with more than one Host field is answered 400 (Node keeps only the first). */
export function hasOneHost(req: IncomingMessage): boolean {
  let hosts = 0
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'host') hosts++
  return hosts === 1
}
