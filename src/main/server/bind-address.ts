import { isIPv4, isIPv6 } from 'node:net'
import { GraphKeepError } from '../../shared/errors.ts'

/** True for 'localhost', 127.0.0.0/8 and ::1 (in any spelling); everything else could be reached from another machine. */
export function isLoopbackAddress(host: string): boolean {
  const lower = host.toLowerCase()
  if (lower === 'localhost') return true
  if (isIPv4(lower)) return lower.split('.')[0] === '127'
  const bare = unbracket(lower)
  return isIPv6(bare) && new URL(`http://[${bare}]/`).hostname === '[::1]'
}

/** The address to listen on, or a VALIDATION error before anything is bound. */
export function loopbackListenHost(host: string): string {
  if (!isLoopbackAddress(host)) {
    throw new GraphKeepError('VALIDATION', `refusing to listen on "${host.slice(0, 100)}": web mode binds only to a loopback address (127.0.0.1, ::1, localhost)`)
  }
  return unbracket(host)
}

export function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GraphKeepError('VALIDATION', `the port must be an integer from 0 to 65535 (got ${String(port)})`)
  }
  return port
}

/** How an address appears in a URL or a Host header: IPv6 in brackets. */
export function hostForUrl(address: string): string {
  return isIPv6(address) ? `[${address}]` : address
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}
