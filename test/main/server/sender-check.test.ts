import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, send, startTestServer, type TestServer } from './helpers.ts'

describe('Host and Origin checks', () => {
  let t: TestServer
  let port: number

  beforeAll(async () => {
    t = await startTestServer()
    port = t.server.port
  })
  afterAll(() => t.stop())

  it('refuses a foreign Host with 403, on the API even with a valid token, and on static files', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1`, `0.0.0.0:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const api = await call(t.server, 'store.stats', {}, { headers: { Host: host } })
      expect(api.status, host).toBe(403)
      expect(errorCode(api)).toBe('FORBIDDEN')
      const page = await send(t.server, { path: '/', headers: { Host: host } })
      expect(page.status, host).toBe(403)
      expect(page.text).not.toContain('GraphKeep test page')
    }
  })

  it('accepts Host 127.0.0.1:<port> and localhost:<port>', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await call(t.server, 'store.stats', {}, { headers: { Host: host } })).status, host).toBe(200)
    }
  })

  it('refuses a foreign Origin with 403 even with a valid token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://evil.example:${port}`]) {
      const reply = await call(t.server, 'store.stats', {}, { headers: { Origin: origin } })
      expect(reply.status, origin).toBe(403)
      expect(errorCode(reply)).toBe('FORBIDDEN')
      const events = await send(t.server, { path: '/api/events', headers: { Origin: origin } })
      expect(events.status, origin).toBe(403)
    }
  })

  it('accepts the same Origin with a token, and a call without Origin (curl) with a token', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const reply = await call(t.server, 'store.stats', {}, { headers: { Origin: origin } })
      expect(reply.status, origin).toBe(200)
      expect(reply.json()).toMatchObject({ ok: true })
    }
    expect((await call(t.server, 'store.stats', {})).status).toBe(200)
  })

  it('a same-origin page still needs the token', async () => {
    const reply = await call(t.server, 'store.stats', {}, { auth: false, headers: { Origin: `http://127.0.0.1:${port}` } })
    expect(reply.status).toBe(401)
  })

  it('never sends CORS headers: a preflight gets 405 and nothing else', async () => {
    const preflight = await send(t.server, {
      method: 'OPTIONS',
      path: '/api/store.stats',
      auth: false,
      headers: { Origin: `http://127.0.0.1:${port}`, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    })
    expect(preflight.status).toBe(405)
    const foreignPreflight = await send(t.server, { method: 'OPTIONS', path: '/api/store.stats', auth: false, headers: { Origin: 'http://evil.example' } })
    expect(foreignPreflight.status).toBe(403)
    // send() itself fails on any Access-Control-* header; this checks a spread of other replies as well.
    const replies = await Promise.all([
      send(t.server, { path: '/' }),
      send(t.server, { path: '/app.js', headers: { Origin: 'http://evil.example' } }),
      send(t.server, { path: '/nope.js' }),
      call(t.server, 'store.stats', {}, { headers: { Origin: `http://localhost:${port}` } }),
      call(t.server, 'nodes.get', { key: 'missing' }, { headers: { Origin: `http://127.0.0.1:${port}` } }),
    ])
    for (const reply of replies) expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
  })
})
