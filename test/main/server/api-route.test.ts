import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isJsonContentType, readJsonBody } from '../../../src/main/server/json-body.ts'
import { httpStatusByCode } from '../../../src/main/server/status.ts'
import { errorCodes } from '../../../src/shared/errors.ts'
import { call, errorCode, send, startTestServer, type TestServer } from './helpers.ts'

describe('POST /api/<method>', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.stop())

  it('round-trips real calls through the store: create, get, stats', async () => {
    const created = await call(t.server, 'nodes.create', { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { born: 1815 } })
    expect(created.status).toBe(200)
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(created.headers['cache-control']).toBe('no-store')
    expect(created.json()).toMatchObject({ ok: true, data: { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { born: 1815 } } })

    const fetched = await call(t.server, 'nodes.get', { key: 'ada' })
    expect(fetched.status).toBe(200)
    expect(fetched.json()).toMatchObject({ ok: true, data: { key: 'ada', label: 'Ada Lovelace' } })

    const stats = await call(t.server, 'store.stats', {})
    expect(stats.json()).toMatchObject({ ok: true, data: { nodeCount: 1, edgeCount: 0 } })
  })

  it('works with fetch as a browser page would send it (same Origin, charset param)', async () => {
    const response = await fetch(`${t.server.origin}/api/store.stats`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.server.token}`, 'Content-Type': 'application/json; charset=UTF-8', Origin: t.server.origin },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, data: { nodeCount: expect.any(Number) } })
  })

  it('takes an empty body as no input', async () => {
    const reply = await send(t.server, { method: 'POST', path: '/api/store.stats', headers: { 'Content-Type': 'application/json' } })
    expect(reply.status).toBe(200)
  })

  it('maps error codes to statuses: NOT_FOUND 404, CONFLICT 409, VALIDATION 400', async () => {
    const missing = await call(t.server, 'nodes.get', { key: 'nobody' })
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NOT_FOUND'])

    await call(t.server, 'nodes.create', { key: 'twice', type: 'thing' })
    const duplicate = await call(t.server, 'nodes.create', { key: 'twice', type: 'thing' })
    expect([duplicate.status, errorCode(duplicate)]).toEqual([409, 'CONFLICT'])

    const invalid = await call(t.server, 'nodes.create', { key: '', type: 'thing', extra: 1 })
    expect([invalid.status, errorCode(invalid)]).toEqual([400, 'VALIDATION'])
  })

  it('unknown method → 404 UNKNOWN_METHOD', async () => {
    for (const method of ['nodes.explode', 'constructor', '__proto__', 'nodes.get/extra', '']) {
      const reply = await call(t.server, method, {})
      expect(reply.status, method).toBe(404)
      expect(errorCode(reply)).toBe('UNKNOWN_METHOD')
    }
  })

  it('a body that is not JSON by Content-Type → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const noType = await send(t.server, { method: 'POST', path: '/api/store.stats', body: '{}' })
    expect([noType.status, errorCode(noType)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonp']) {
      const reply = await call(t.server, 'store.stats', {}, { headers: { 'Content-Type': type } })
      expect(reply.status, type).toBe(415)
      expect(errorCode(reply)).toBe('UNSUPPORTED_MEDIA_TYPE')
    }
  })

  it('invalid JSON or invalid UTF-8 → 400 VALIDATION', async () => {
    for (const body of ['{', '{"key": }', 'undefined', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
      const reply = await send(t.server, { method: 'POST', path: '/api/nodes.get', headers: { 'Content-Type': 'application/json' }, body })
      expect(reply.status).toBe(400)
      expect(errorCode(reply)).toBe('VALIDATION')
    }
  })

  it('a body over 64 MiB → 413 without reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: t.server.port,
        method: 'POST',
        path: '/api/nodes.createMany',
        headers: {
          Host: `127.0.0.1:${t.server.port}`,
          Authorization: `Bearer ${t.server.token}`,
          'Content-Type': 'application/json',
          'Content-Length': String(64 * 1024 * 1024 + 1),
        },
      }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.write('{"nodes":[')
    })
    expect(status).toBe(413)
  })

  it('only POST reaches a method', async () => {
    const reply = await send(t.server, { method: 'GET', path: '/api/store.stats' })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
  })

  it('a closed store → 503 STORE_CLOSED', async () => {
    const other = await startTestServer()
    try {
      await other.host.close()
      const reply = await call(other.server, 'store.stats', {})
      expect([reply.status, errorCode(reply)]).toEqual([503, 'STORE_CLOSED'])
    } finally {
      await other.stop()
    }
  })
})

describe('status map', () => {
  it('gives every error code a 4xx or 5xx status', () => {
    for (const code of errorCodes) expect(httpStatusByCode[code], code).toBeGreaterThanOrEqual(400)
    expect(httpStatusByCode).toMatchObject({ VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, UNKNOWN_METHOD: 404, STORE_CLOSED: 503, INTERNAL: 500 })
  })
})

describe('JSON body reading', () => {
  it('accepts application/json with an optional utf-8 charset only', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('Application/JSON; charset="utf-8"')).toBe(true)
    expect(isJsonContentType(undefined)).toBe(false)
    expect(isJsonContentType('application/json; charset=utf-16')).toBe(false)
    expect(isJsonContentType('text/json')).toBe(false)
  })

  it('stops at the limit while a chunked body streams in, with no Content-Length to trust', async () => {
    const server = createServer(async (req, res) => {
      const body = await readJsonBody(req, 16)
      res.setHeader('Connection', 'close')
      res.end(String(body.ok ? 200 : body.status))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const statusFor = (chunks: string[]) => new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => (text += chunk.toString()))
          res.on('end', () => resolve(text))
        })
        req.on('error', reject)
        for (const chunk of chunks) req.write(chunk)
        req.end()
      })
      expect(await statusFor(['{"a":', '"12345"}'])).toBe('200')
      expect(await statusFor(['{"a":"1234567', '89012345678901234567890"}'])).toBe('413')
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
