import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, send, startTestServer, type TestServer } from './helpers.ts'

describe('token', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.stop())

  it('is 256 bits as 43 base64url characters, fresh for every start', async () => {
    expect(t.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(t.server.token, 'base64url')).toHaveLength(32)
    const second = await startTestServer()
    try {
      expect(second.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(second.server.token).not.toBe(t.server.token)
      // One server's token opens nothing on the other.
      const crossed = await call(second.server, 'store.stats', {}, { auth: `Bearer ${t.server.token}` })
      expect(crossed.status).toBe(401)
    } finally {
      await second.stop()
    }
  })

  it('is required on API calls: missing → 401 UNAUTHORIZED', async () => {
    const reply = await call(t.server, 'store.stats', {}, { auth: false })
    expect(reply.status).toBe(401)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(reply.text).not.toContain(t.server.token)
  })

  it('refuses a wrong token of any length, and other schemes', async () => {
    const token = t.server.token
    const sameLength = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
    for (const header of [`Bearer ${sameLength}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, 'Bearer ', token, `Basic ${token}`, `Bearer  ${token}`]) {
      const reply = await call(t.server, 'store.stats', {}, { auth: header })
      expect(reply.status, header).toBe(401)
      expect(errorCode(reply)).toBe('UNAUTHORIZED')
    }
  })

  it('lets the right token through', async () => {
    const reply = await call(t.server, 'store.stats', {})
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: true })
  })

  it('is required on the events stream too', async () => {
    const reply = await send(t.server, { path: '/api/events', auth: false })
    expect(reply.status).toBe(401)
    expect(errorCode(reply)).toBe('UNAUTHORIZED')
  })

  it('is not needed for the static app, which carries no data', async () => {
    const reply = await send(t.server, { path: '/', auth: false })
    expect(reply.status).toBe(200)
  })
})
