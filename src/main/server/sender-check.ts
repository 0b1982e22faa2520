import type { IncomingMessage } from 'node:http'
import type { ErrorData } from '../../shared/errors.ts'
import { hostForUrl } from './bind-address.ts'

export interface SenderPolicy {
  hosts: ReadonlySet<string>
  origins: ReadonlySet<string>
}

/** The Host values a page on this server can send; a rebound DNS name carries its own name and is refused. */
export function senderPolicy(boundAddress: string, port: number): SenderPolicy {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${hostForUrl(boundAddress)}:${port}`])
  return { hosts, origins: new Set([...hosts].map((host) => `http://${host}`)) }
}

/** Host must always match; Origin, when a browser sends one, must be this server (no CORS, ever). */
export function senderProblem(req: IncomingMessage, policy: SenderPolicy): ErrorData | null {
  const host = req.headers.host?.toLowerCase()
  if (!host || !policy.hosts.has(host)) return { code: 'FORBIDDEN', message: 'the Host header does not name this server' }
  const origin = req.headers.origin
  if (origin !== undefined && !policy.origins.has(origin.toLowerCase())) {
    return { code: 'FORBIDDEN', message: 'requests from other origins are refused' }
  }
  return null
}
