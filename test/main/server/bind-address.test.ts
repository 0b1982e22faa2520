import { rm } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { isLoopbackAddress } from '../../../src/main/server/bind-address.ts'
import { startWebServer } from '../../../src/main/server/index.ts'
import { StoreHost } from '../../../src/main/store/host.ts'
import { GraphKeepError } from '../../../src/shared/errors.ts'
import { makeRendererDir, send } from './helpers.ts'

const listeningServers = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length

describe('bind address', () => {
  let dir: string
  let rendererDir: string
  let host: StoreHost
  const start = (options: { host?: string; port?: number }) =>
    startWebServer({ dispatch: createDispatch(createHandlers(host)), subscribe: () => () => {}, rendererDir, ...options })

  beforeAll(async () => {
    ;({ dir, rendererDir } = await makeRendererDir())
    host = await StoreHost.open({ file: join(dir, 'bind.graphkeep') })
  })
  afterAll(async () => {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('knows loopback addresses from everything else', () => {
    for (const loopback of ['127.0.0.1', '127.10.0.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1']) {
      expect(isLoopbackAddress(loopback), loopback).toBe(true)
    }
    for (const other of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '::ffff:127.0.0.1', '127.1', 'example.com', 'localhost.example.com', '', ' 127.0.0.1']) {
      expect(isLoopbackAddress(other), other).toBe(false)
    }
  })

  it.each(['0.0.0.0', '192.168.1.5', '::', 'example.com'])('refuses to bind %s and starts no server', async (address) => {
    const before = listeningServers()
    const error = await start({ host: address }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphKeepError)
    expect((error as GraphKeepError).code).toBe('VALIDATION')
    expect(listeningServers()).toBe(before)
  })

  it('refuses a port that is not a port', async () => {
    await expect(start({ port: 70_000 })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(start({ port: -1 })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses a renderer folder that does not exist', async () => {
    await expect(startWebServer({ dispatch: createDispatch(createHandlers(host)), subscribe: () => () => {}, rendererDir: join(dir, 'missing') }))
      .rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('binds 127.0.0.1 by default and answers there', async () => {
    const before = listeningServers()
    const server = await start({})
    try {
      expect(listeningServers()).toBe(before + 1)
      expect(server.origin).toBe(`http://127.0.0.1:${server.port}`)
      expect(server.url).toBe(`${server.origin}/#token=${server.token}`)
      expect((await send(server, { path: '/' })).status).toBe(200)
    } finally {
      await server.close()
    }
    // The listening handle is released a moment after the close callback.
    for (let tries = 0; tries < 100 && listeningServers() !== before; tries++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(listeningServers()).toBe(before)
  })

  it('accepts 127.0.0.1 explicitly and reports a port already taken as CONFLICT', async () => {
    const first = await start({ host: '127.0.0.1' })
    try {
      await expect(start({ host: '127.0.0.1', port: first.port })).rejects.toMatchObject({ code: 'CONFLICT' })
    } finally {
      await first.close()
    }
  })

  it('binds ::1 and then accepts Host [::1]:<port>', async () => {
    const server = await start({ host: '::1' })
    try {
      expect(server.origin).toBe(`http://[::1]:${server.port}`)
      const status = await new Promise<number>((resolve, reject) => {
        request({ host: '::1', port: server.port, path: '/', headers: { Host: `[::1]:${server.port}` } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }).on('error', reject).end()
      })
      expect(status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
