import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createDispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { startWebServer, type WebServer } from '../../../src/main/server/index.ts'
import { serveStore } from '../../../src/main/server/serve-store.ts'
import { StoreHost } from '../../../src/main/store/host.ts'
import type { AppEvent } from '../../../src/shared/events.ts'

export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body>GraphKeep test page</body></html>'
export const APP_JS = 'console.log("graphkeep test app")'
export const SECRET = 'SECRET-OUTSIDE-RENDERER'

export interface TestServer {
  server: WebServer
  host: StoreHost
  dir: string
  rendererDir: string
  /** Sends an event to every subscriber, as the app's event bus would. */
  push(event: AppEvent): void
  listenerCount(): number
  stop(): Promise<void>
}

/** A temp folder with a tiny built renderer and, beside it, a file that must never be served. */
export async function makeRendererDir(): Promise<{ dir: string; rendererDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'graphkeep-server-'))
  const rendererDir = join(dir, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'app.js'), APP_JS)
  await writeFile(join(rendererDir, 'assets', 'style.css'), 'body { margin: 0 }')
  await writeFile(join(dir, 'secret.txt'), SECRET)
  return { dir, rendererDir }
}

/** A store in a temp folder served the way web mode serves it (serveStore), for the file routes' tests. */
export function useServedStore(): () => { dir: string; host: StoreHost; server: WebServer } {
  let served: { dir: string; host: StoreHost; server: WebServer } | undefined
  beforeAll(async () => {
    const { dir, rendererDir } = await makeRendererDir()
    const host = await StoreHost.open({ file: join(dir, 'test.graphkeep') })
    served = { dir, host, server: await serveStore(host, { rendererDir, host: '127.0.0.1', port: 0 }) }
  })
  afterAll(async () => {
    if (!served) return
    await served.server.close()
    await served.host.close()
    await rm(served.dir, { recursive: true, force: true })
  })
  return () => served as NonNullable<typeof served>
}

/** The real server over the real store (a SQLite file in a temp folder, in its worker), on 127.0.0.1 and a free port. */
export async function startTestServer(options: { host?: string } = {}): Promise<TestServer> {
  const { dir, rendererDir } = await makeRendererDir()
  const host = await StoreHost.open({ file: join(dir, 'test.graphkeep') })
  const listeners = new Set<(event: AppEvent) => void>()
  const push = (event: AppEvent) => listeners.forEach((listener) => listener(event))
  host.onChange((scopes) => push({ type: 'dataChanged', scopes }))
  const server = await startWebServer({
    dispatch: createDispatch(createHandlers(host)),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    rendererDir,
    host: options.host ?? '127.0.0.1',
    port: 0,
  })
  const stop = async () => {
    await server.close()
    await host.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { server, host, dir, rendererDir, push, listenerCount: () => listeners.size, stop }
}

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): unknown
}

export interface RequestOptions {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** false: no Authorization header; a string: that header value. Default: the right bearer token. */
  auth?: boolean | string
}

/** One raw HTTP request (http.request, so that Host can be forged); every reply is checked for the headers we promise. */
export function send(server: WebServer, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { Host: `127.0.0.1:${server.port}`, ...options.headers }
  const auth = options.auth ?? true
  if (auth === true) headers.Authorization = `Bearer ${server.token}`
  else if (typeof auth === 'string') headers.Authorization = auth
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/', headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            assertPromisedHeaders(res.headers)
          } catch (error) {
            return reject(error)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A JSON API call with the right token, Host and Content-Type unless overridden. */
export function call(server: WebServer, method: string, input: unknown, options: RequestOptions = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    body: JSON.stringify(input),
    ...options,
    headers: { 'Content-Type': 'application/json', ...options.headers },
  })
}

export function assertPromisedHeaders(headers: IncomingHttpHeaders): void {
  const cors = Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'))
  if (cors.length > 0) throw new Error(`a response carried CORS headers: ${cors.join(', ')}`)
  if (headers['x-content-type-options'] !== 'nosniff') throw new Error('a response lacked X-Content-Type-Options: nosniff')
  if (headers['referrer-policy'] !== 'no-referrer') throw new Error('a response lacked Referrer-Policy: no-referrer')
}

export function errorCode(reply: Reply): string | undefined {
  const body = reply.json() as { ok: boolean; error?: { code: string } }
  return body.ok ? undefined : body.error?.code
}
