import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { startWebServer, type WebServer } from '../../../src/main/server/index.ts'
import { serveStore } from '../../../src/main/server/serve-store.ts'
import { safeFileName, transferFoldersBeside } from '../../../src/main/server/transfer-folders.ts'
import { StoreHost } from '../../../src/main/store/host.ts'
import { errorCode, makeRendererDir, send, type Reply, useServedStore } from './helpers.ts'

const CSV = 'key,type,label\nada,person,Ada Lovelace\n'

function upload(server: WebServer, name: string | null, body: string | Buffer, headers: Record<string, string> = {}, auth: boolean | string = true): Promise<Reply> {
  const query = name === null ? '' : `?${new URLSearchParams({ name })}`
  return send(server, { method: 'POST', path: `/api/upload${query}`, body, auth, headers: { 'Content-Type': 'application/octet-stream', ...headers } })
}

interface UploadData { path: string; bytes: number }
const dataOf = (reply: Reply) => (reply.json() as { ok: true; data: UploadData }).data
const listUploads = (dir: string) => readdir(join(dir, 'uploads')).catch(() => [] as string[])

describe('POST /api/upload (served over a real store)', () => {
  const served = useServedStore()
  let dir: string
  let server: WebServer
  beforeAll(() => void ({ dir, server } = served()))

  it('streams the body to a new file in the uploads folder beside the store and answers its path', async () => {
    const reply = await upload(server, 'people.csv', CSV)
    expect(reply.status).toBe(200)
    const data = dataOf(reply)
    expect(dirname(data.path)).toBe(join(dir, 'uploads'))
    expect(basename(data.path)).toMatch(/^[a-z0-9]+-[0-9a-f]{12}-people\.csv$/)
    expect(data.bytes).toBe(Buffer.byteLength(CSV))
    expect(await readFile(data.path, 'utf8')).toBe(CSV)

    const again = dataOf(await upload(server, 'people.csv', 'other'))
    expect(again.path).not.toBe(data.path)
    expect(await readFile(data.path, 'utf8')).toBe(CSV)
  })

  it('keeps binary bytes exactly, and takes an empty file', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 0xef, 0xbb, 0xbf, 10, 13])
    const data = dataOf(await upload(server, 'graph.graphml', bytes))
    expect(Buffer.compare(await readFile(data.path), bytes)).toBe(0)
    const empty = await upload(server, 'empty.jsonl', '')
    expect([empty.status, dataOf(empty).bytes]).toEqual([200, 0])
  })

  it('never lets the given name choose the folder', async () => {
    for (const name of ['../../secret.txt', '..\\..\\evil.csv', '/etc/passwd', '..', '.hidden.csv', 'a\u0000b.csv', 'ünï cøde ✓.csv']) {
      const reply = await upload(server, name, 'x')
      expect(reply.status, name).toBe(200)
      const { path } = dataOf(reply)
      expect(dirname(path), name).toBe(join(dir, 'uploads'))
      expect(basename(path), name).toMatch(/^[a-z0-9]+-[0-9a-f]{12}-[A-Za-z0-9][A-Za-z0-9._-]*$/)
    }
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).not.toBe('x')
  })

  it('refuses a missing name, a JSON or form body, and other methods, writing nothing', async () => {
    const before = (await listUploads(dir)).length
    const noName = await upload(server, null, CSV)
    expect([noName.status, errorCode(noName)]).toEqual([400, 'VALIDATION'])
    const longName = await upload(server, `${'a'.repeat(300)}.csv`, CSV)
    expect([longName.status, errorCode(longName)]).toEqual([400, 'VALIDATION'])
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'text/csv', 'application/x-www-form-urlencoded']) {
      const reply = await upload(server, 'a.csv', CSV, { 'Content-Type': type })
      expect([reply.status, errorCode(reply)], type).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    }
    const get = await send(server, { path: '/api/upload?name=a.csv' })
    expect([get.status, get.headers.allow]).toEqual([405, 'POST'])
    expect((await listUploads(dir)).length).toBe(before)
  })

  it('keeps the security checks of every API route: token, Host, Origin', async () => {
    const before = (await listUploads(dir)).length
    const noToken = await upload(server, 'a.csv', CSV, {}, false)
    expect([noToken.status, errorCode(noToken)]).toEqual([401, 'UNAUTHORIZED'])
    const wrongToken = await upload(server, 'a.csv', CSV, {}, 'Bearer nope')
    expect(wrongToken.status).toBe(401)
    const rebound = await upload(server, 'a.csv', CSV, { Host: `evil.example:${server.port}` })
    expect([rebound.status, errorCode(rebound)]).toEqual([403, 'FORBIDDEN'])
    const crossSite = await upload(server, 'a.csv', CSV, { Origin: 'http://evil.example' })
    expect([crossSite.status, errorCode(crossSite)]).toEqual([403, 'FORBIDDEN'])
    const preflight = await send(server, { method: 'OPTIONS', path: '/api/upload?name=a.csv', headers: { Origin: server.origin } })
    expect(preflight.status).toBe(405)
    expect((await listUploads(dir)).length).toBe(before)
  })

  it('works as a browser page sends it: fetch with a Blob body from the same origin', async () => {
    const response = await fetch(`${server.origin}/api/upload?name=${encodeURIComponent('from page.csv')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream', Origin: server.origin },
      body: new Blob([CSV]),
    })
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as { data: UploadData }
    expect(basename(data.path)).toMatch(/-from_page\.csv$/)
    expect(await readFile(data.path, 'utf8')).toBe(CSV)
  })
})

describe('upload limits and failures', () => {
  const LIMIT = 1024
  let dir: string
  let host: StoreHost
  let server: WebServer

  beforeAll(async () => {
    const made = await makeRendererDir()
    dir = made.dir
    host = await StoreHost.open({ file: join(dir, 'test.graphkeep') })
    const folders = { ...transferFoldersBeside(host.file, async () => true), maxUploadBytes: LIMIT }
    server = await startWebServer({ dispatch: createDispatch(createHandlers(host)), subscribe: () => () => {}, rendererDir: made.rendererDir, files: folders })
  })
  afterAll(async () => {
    await server.close()
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('takes a file of exactly the limit', async () => {
    const reply = await upload(server, 'limit.jsonl', Buffer.alloc(LIMIT, 65))
    expect([reply.status, dataOf(reply).bytes]).toEqual([200, LIMIT])
  })

  it('refuses a declared size over the limit before reading it (413)', async () => {
    const before = await listUploads(dir)
    const reply = await upload(server, 'big.jsonl', Buffer.alloc(LIMIT + 1, 65))
    expect([reply.status, errorCode(reply)]).toEqual([413, 'VALIDATION'])
    expect(await listUploads(dir)).toEqual(before)
  })

  it('stops a streamed body (no Content-Length) at the limit and leaves no file behind', async () => {
    const before = await listUploads(dir)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/upload?name=stream.csv',
        headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
      }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(400, 66)
      for (let i = 0; i < 4; i++) req.write(chunk)
      req.end()
    })
    expect(status).toBe(413)
    expect(await listUploads(dir)).toEqual(before)
  })

  it('removes the partial file of an upload cut off by the client', async () => {
    const before = await listUploads(dir)
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/upload?name=cut.csv',
        headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': '900' },
      })
      req.on('error', () => resolve())
      req.write(Buffer.alloc(300, 67), () => setTimeout(() => req.destroy(), 100))
    })
    await expect.poll(() => listUploads(dir), { timeout: 5000 }).toEqual(before)
  })
})

describe('a store open read-only', () => {
  it('takes no upload and writes nothing beside the store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphkeep-upload-ro-'))
    const made = await makeRendererDir()
    const file = join(dir, 'inspected.graphkeep')
    await (await StoreHost.open({ file })).close()
    const host = await StoreHost.open({ file, readOnly: true })
    const server = await serveStore(host, { rendererDir: made.rendererDir, host: '127.0.0.1', port: 0 })
    try {
      const reply = await upload(server, 'a.csv', CSV)
      expect([reply.status, errorCode(reply)]).toEqual([403, 'FORBIDDEN'])
      expect(await readdir(dir)).not.toContain('uploads')
    } finally {
      await server.close()
      await host.close()
      await rm(dir, { recursive: true, force: true })
      await rm(made.dir, { recursive: true, force: true })
    }
  })
})

describe('safeFileName', () => {
  it('keeps ordinary names and their extension, replaces everything else', () => {
    expect(safeFileName('nodes.csv')).toBe('nodes.csv')
    expect(safeFileName('my graph (1).graphml')).toBe('my_graph_1_.graphml')
    expect(safeFileName('../../x.gexf')).toBe('x.gexf')
    expect(safeFileName('C:\\Users\\me\\edges.csv')).toBe('edges.csv')
    expect(safeFileName('...')).toBe('upload')
    expect(safeFileName('')).toBe('upload')
    expect(safeFileName(`${'n'.repeat(500)}.jsonl`)).toBe(`${'n'.repeat(80)}.jsonl`)
  })
})
