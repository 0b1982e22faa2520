import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { WebServer } from '../../../src/main/server/index.ts'
import { exportFileName } from '../../../src/main/server/download-route.ts'
import { errorCode, SECRET, send, useServedStore } from './helpers.ts'

const LINES = '{"kind":"node","key":"ada"}\n{"kind":"node","key":"bob"}\n'

describe('GET /api/exports/<name>', () => {
  const served = useServedStore()
  let dir: string
  let server: WebServer
  beforeAll(() => void ({ dir, server } = served()))

  it('answers 404 while there is no exports folder', async () => {
    const reply = await send(server, { path: '/api/exports/graph.jsonl' })
    expect([reply.status, errorCode(reply)]).toEqual([404, 'NOT_FOUND'])
  })

  it('serves a file of the exports folder beside the store as a download', async () => {
    await mkdir(join(dir, 'exports'), { recursive: true })
    await writeFile(join(dir, 'exports', 'graph 2026-11-23.jsonl'), LINES)
    const reply = await send(server, { path: `/api/exports/${encodeURIComponent('graph 2026-11-23.jsonl')}` })
    expect(reply.status).toBe(200)
    expect(reply.text).toBe(LINES)
    expect(reply.headers['content-type']).toBe('application/octet-stream')
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(LINES)))
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="graph 2026-11-23.jsonl"; filename*=UTF-8''graph%202026-11-23.jsonl`)
    expect(reply.headers['cache-control']).toBe('no-store')

    const head = await send(server, { method: 'HEAD', path: `/api/exports/${encodeURIComponent('graph 2026-11-23.jsonl')}` })
    expect([head.status, head.text, head.headers['content-length']]).toEqual([200, '', String(Buffer.byteLength(LINES))])
  })

  it('names a non-ASCII file for old and new clients alike', async () => {
    await writeFile(join(dir, 'exports', 'grafo-ñ.gexf'), '<gexf/>')
    const reply = await send(server, { path: `/api/exports/${encodeURIComponent('grafo-ñ.gexf')}` })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="grafo-_.gexf"; filename*=UTF-8''grafo-%C3%B1.gexf`)
  })

  it('serves nothing outside the exports folder, however the name is spelled', async () => {
    await writeFile(join(dir, 'exports', '.hidden'), 'hidden')
    await mkdir(join(dir, 'exports', 'sub'), { recursive: true })
    await writeFile(join(dir, 'exports', 'sub', 'inner.csv'), 'inner')
    await symlink(join(dir, 'secret.txt'), join(dir, 'exports', 'linked.txt'))
    const attempts = [
      '../secret.txt', '..%2Fsecret.txt', '%2e%2e%2fsecret.txt', '..%5Csecret.txt', '..', '%2e%2e', '.hidden',
      'sub/inner.csv', 'sub%2Finner.csv', 'sub', 'linked.txt', '..%2Ftest.graphkeep', 'a%00b', '%E0%A4%A', '',
    ]
    for (const name of attempts) {
      const reply = await send(server, { path: `/api/exports/${name}` })
      expect([403, 404], name).toContain(reply.status)
      expect(reply.text, name).not.toContain(SECRET)
      expect(reply.text, name).not.toContain('inner')
      expect(reply.text, name).not.toContain('hidden"')
      expect(reply.headers['content-disposition'], name).toBeUndefined()
    }
  })

  it('keeps the token, Host and Origin checks, and refuses other methods', async () => {
    const path = `/api/exports/${encodeURIComponent('graph 2026-11-23.jsonl')}`
    const noToken = await send(server, { path, auth: false })
    expect([noToken.status, errorCode(noToken)]).toEqual([401, 'UNAUTHORIZED'])
    expect(noToken.text).not.toContain('ada')
    const rebound = await send(server, { path, headers: { Host: `evil.example:${server.port}` } })
    expect(rebound.status).toBe(403)
    const crossSite = await send(server, { path, headers: { Origin: 'http://evil.example' } })
    expect(crossSite.status).toBe(403)
    const post = await send(server, { method: 'POST', path })
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD'])
  })
})

describe('exportFileName', () => {
  it('takes one decoded file name and nothing that could be a path', () => {
    expect(exportFileName('graph.jsonl')).toBe('graph.jsonl')
    expect(exportFileName('a%20b.csv')).toBe('a b.csv')
    for (const bad of ['', '..', '.x', 'a%2Fb', 'a/b', 'a%5Cb', '%00', '%E0%A4%A', 'x'.repeat(256)]) expect(exportFileName(bad), bad).toBeNull()
  })
})
