import { realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../api/dispatch.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import { createApiRoute } from './api-route.ts'
import { applyConnectionLimits, DEFAULT_LIMITS, hasOneHost, serverOptions, type ConnectionLimits } from './connection-limits.ts'
import { hasValidToken, createToken } from './auth.ts'
import { checkedPort, hostForUrl, loopbackListenHost } from './bind-address.ts'
import { createEventsRoute, type Subscribe } from './events-route.ts'
import { createFileRoutes, type FileRoutes } from './file-routes.ts'
import { sendError, sendMethodNotAllowed, setBaseHeaders } from './respond.ts'
import { senderPolicy, senderProblem, type SenderPolicy } from './sender-check.ts'
import { serveStatic } from './static-files.ts'
import type { TransferFolders } from './transfer-folders.ts'

export interface WebServerOptions {
  dispatch: Dispatch
  subscribe: Subscribe
  /** The built renderer (out/renderer), served as static files. */
  rendererDir: string
  /** A loopback address only; anything else is refused before binding. */
  host?: string
  /** 0 (the default) picks any free port. */
  port?: number
  /** Uploads for import and downloads of exports; left out, neither route exists. */
  files?: TransferFolders
  /** Timeouts and the connection cap; the defaults suit the app (tests pass shorter ones). */
  limits?: ConnectionLimits
}

export type { ConnectionLimits }

export interface WebServer {
  /** Open this: the token rides in the fragment, which browsers never send to the server. */
  url: string
  origin: string
  token: string
  port: number
  close(): Promise<void>
}

interface Routes {
  policy: SenderPolicy
  token: string
  rendererDir: string
  api: ReturnType<typeof createApiRoute>
  events: ReturnType<typeof createEventsRoute>
  files: FileRoutes | null
}

/** Web mode: the renderer and the same API over HTTP on a loopback address, guarded by a per-start token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const listenHost = loopbackListenHost(options.host ?? '127.0.0.1')
  const requestedPort = checkedPort(options.port ?? 0)
  const rendererDir = await rendererFolder(options.rendererDir)

  const limits = options.limits ?? DEFAULT_LIMITS
  const server = createServer(serverOptions(limits))
  applyConnectionLimits(server, limits)
  await listen(server, listenHost, requestedPort)
  const { address, port } = server.address() as AddressInfo
  const origin = `http://${hostForUrl(address)}:${port}`
  const token = createToken()
  const events = createEventsRoute(options.subscribe)
  const files = options.files ? createFileRoutes(options.files) : null
  const routes: Routes = { policy: senderPolicy(address, port), token, rendererDir, api: createApiRoute(options.dispatch), events, files }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(req, res, routes).catch(() => {
      if (res.headersSent) res.destroy()
      else sendError(res, { code: 'INTERNAL', message: 'the server failed to answer this request' })
    })
  })

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      events.closeAll()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }
  return { url: `${origin}/#token=${token}`, origin, token, port, close }
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  setBaseHeaders(res)
  if (!hasOneHost(req)) {
    res.shouldKeepAlive = false
    return sendError(res, { code: 'VALIDATION', message: 'a request must carry exactly one Host header' })
  }
  const problem = senderProblem(req, routes.policy)
  if (problem) return sendError(res, problem)
  if (req.method === 'OPTIONS') return sendMethodNotAllowed(res, 'GET, HEAD, POST')
  const url = req.url ?? ''
  if (!url.startsWith('/')) return sendError(res, { code: 'VALIDATION', message: 'the request target must be a path' })
  const pathname = url.split(/[?#]/, 1)[0] ?? '/'

  if (pathname !== '/api' && !pathname.startsWith('/api/')) return serveStatic(req, res, routes.rendererDir, pathname)
  if (!hasValidToken(req, routes.token)) {
    return sendError(res, { code: 'UNAUTHORIZED', message: 'a valid token is required (Authorization: Bearer <token>)' })
  }
  if (pathname === '/api/events') return routes.events.handle(req, res)
  const fileRoute = routes.files?.(req, res, pathname, url)
  if (fileRoute) return fileRoute
  return routes.api(req, res, pathname.slice('/api/'.length))
}

async function rendererFolder(dir: string): Promise<string> {
  try {
    const real = await realpath(dir)
    if ((await stat(real)).isDirectory()) return real
  } catch {
    // reported below
  }
  throw new GraphKeepError('VALIDATION', `the renderer folder "${dir}" does not exist; build the app first`)
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new GraphKeepError('CONFLICT', `port ${port} on ${host} is already in use`) : error)
    })
    server.listen({ host, port }, () => resolve())
  })
}
