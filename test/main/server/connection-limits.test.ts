import { connect, type Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { startWebServer, type ConnectionLimits, type WebServer } from '../../../src/main/server/index.ts'
import { startTestServer, type TestServer } from './helpers.ts'

// D8 (two Host headers) and D9 (idle, half-sent and too many connections), over raw sockets.
let t: TestServer | undefined
let limited: WebServer | undefined
afterEach(async () => {
  await limited?.close()
  await t?.stop()
  t = limited = undefined
})

/** Sends raw bytes; resolves with what came back and how long the server kept the connection. */
function rawExchange(port: number, bytes: string, giveUpMs: number): Promise<{ reply: string; closedAfterMs: number | null; socket: Socket }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let reply = ''
    socket.on('data', (chunk) => (reply += chunk.toString()))
    const timer = setTimeout(() => resolve({ reply, closedAfterMs: null, socket }), giveUpMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ reply, closedAfterMs: Date.now() - started, socket })
    })
    socket.on('error', () => undefined)
  })
}

it('D8: a request with two Host headers is answered 400, whichever comes first', async () => {
  t = await startTestServer()
  const port = t.server.port
  for (const hosts of [[`127.0.0.1:${port}`, 'evil.example'], ['evil.example', `127.0.0.1:${port}`], [`127.0.0.1:${port}`, `127.0.0.1:${port}`]]) {
    const headers = hosts.map((host) => `Host: ${host}\r\n`).join('')
    const { reply } = await rawExchange(port, `GET / HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`, 3000)
    expect(reply.split('\r\n')[0], hosts.join(' + ')).toMatch(/^HTTP\/1\.1 400/)
    expect(reply).not.toContain('GraphKeep test page')
  }
  // One Host still works.
  const { reply } = await rawExchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 3000)
  expect(reply.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 200/)
})

const limits: ConnectionLimits = { headersMs: 600, keepAliveMs: 400, requestMs: 1000, maxConnections: 8, checkEveryMs: 100 }

async function startLimited(): Promise<number> {
  t = await startTestServer()
  limited = await startWebServer({ dispatch: createDispatch(createHandlers(t.host)), subscribe: () => () => undefined, rendererDir: t.rendererDir, limits })
  return limited.port
}

it('D9: idle, half-sent headers, stalled bodies and idle keep-alive connections are closed', async () => {
  const port = await startLimited()
  const host = `Host: 127.0.0.1:${port}\r\n`
  const [idle, halfHeaders, stalledBody, keptAlive] = await Promise.all([
    rawExchange(port, '', 4000),
    rawExchange(port, `GET / HTTP/1.1\r\n${host}X-Slow: 1\r\n`, 4000),
    rawExchange(port, `POST /api/store.stats HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"`, 4000),
    rawExchange(port, `GET / HTTP/1.1\r\n${host}\r\n`, 4000),
  ])
  expect(idle.closedAfterMs, 'a connection that sends nothing').not.toBeNull()
  expect(halfHeaders.closedAfterMs, 'headers never finished').not.toBeNull()
  expect(stalledBody.closedAfterMs, 'a body that stops arriving').not.toBeNull()
  expect(keptAlive.reply).toMatch(/^HTTP\/1\.1 200/)
  expect(keptAlive.closedAfterMs, 'an idle keep-alive connection').not.toBeNull()
  for (const { closedAfterMs } of [idle, halfHeaders, stalledBody, keptAlive]) expect(closedAfterMs).toBeLessThan(3000)
})

it('D9: connections beyond the cap are refused, and the server answers again once they go', async () => {
  const port = await startLimited()
  const held: Socket[] = []
  for (let i = 0; i < limits.maxConnections; i++) {
    held.push(await new Promise<Socket>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket))
      socket.on('error', () => undefined)
    }))
  }
  const extra = await rawExchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, 2000)
  expect(extra.closedAfterMs, 'a connection past the cap').not.toBeNull()
  expect(extra.reply).not.toMatch(/^HTTP\/1\.1 200/)
  for (const socket of held) socket.destroy()
  await new Promise((resolve) => setTimeout(resolve, 200))
  const after = await rawExchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 2000)
  expect(after.reply).toMatch(/^HTTP\/1\.1 200/)
})
