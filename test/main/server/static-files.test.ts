import { symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp.ts'
import { relativeRequestPath } from '../../../src/main/server/static-files.ts'
import { APP_JS, INDEX_HTML, SECRET, send, startTestServer, type TestServer } from './helpers.ts'

describe('static renderer files', () => {
  let t: TestServer

  beforeAll(async () => {
    t = await startTestServer()
    await symlink(join(t.dir, 'secret.txt'), join(t.rendererDir, 'linked.js'))
  })
  afterAll(() => t.stop())

  it('serves index.html at / with the CSP and no caching', async () => {
    for (const path of ['/', '/index.html', '/?from=cli']) {
      const reply = await send(t.server, { path, auth: false })
      expect(reply.status, path).toBe(200)
      expect(reply.text).toBe(INDEX_HTML)
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('serves other files with their content types', async () => {
    const js = await send(t.server, { path: '/app.js', auth: false })
    expect([js.status, js.text, js.headers['content-type']]).toEqual([200, APP_JS, 'text/javascript; charset=utf-8'])
    expect(js.headers['content-security-policy']).toBeUndefined()
    const css = await send(t.server, { path: '/assets/style.css', auth: false })
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8'])
  })

  it('answers HEAD with headers only', async () => {
    const reply = await send(t.server, { method: 'HEAD', path: '/app.js', auth: false })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)))
    expect(reply.text).toBe('')
  })

  it('404s a missing file or a folder', async () => {
    for (const path of ['/missing.js', '/assets', '/assets/']) {
      expect((await send(t.server, { path, auth: false })).status, path).toBe(404)
    }
  })

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/package.json',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/secret.txt%00.js',
      '/%',
      `/${join(t.dir, 'secret.txt')}`,
      '//etc/passwd',
      '/linked.js',
    ]
    for (const path of attempts) {
      const reply = await send(t.server, { path, auth: false })
      expect([403, 404], path).toContain(reply.status)
      expect(reply.text, path).not.toContain(SECRET)
      expect(reply.text, path).not.toContain('"devDependencies"')
      expect(reply.text, path).not.toContain('root:')
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    const reply = await send(t.server, { method: 'PUT', path: '/app.js', body: 'x' })
    expect(reply.status).toBe(405)
  })
})

describe('relativeRequestPath', () => {
  it('maps paths inside the folder and rejects the rest', () => {
    expect(relativeRequestPath('/')).toBe('index.html')
    expect(relativeRequestPath('/assets/a%20b.js')).toBe('assets/a b.js')
    for (const bad of ['/..', '/a/../b', '/%2e%2e/x', '/./x', '/a\\b', '/a%00b', '/%E0%A4%A']) {
      expect(relativeRequestPath(bad), bad).toBeNull()
    }
  })
})
