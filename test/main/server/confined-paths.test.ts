import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, errorCode, useServedStore } from './helpers.ts'

// Paths in web mode: with the token, a caller may name files only in the upload and export folders
// (and, for a restore, the store's own folder), never anywhere the process can read or write.
describe('file paths in web mode', () => {
  const served = useServedStore()
  const refusedPaths = (dir: string) => [
    '/etc/passwd', '/proc/self/environ', join(dir, 'uploads', '..', '..', 'outside.jsonl'), join(dir, '..', 'elsewhere.jsonl'),
  ]

  it('import.inspect, import.validate and import.run refuse a file outside the upload and export folders with FORBIDDEN', async () => {
    const { dir, server } = served()
    mkdirSync(join(dir, 'uploads'), { recursive: true })
    symlinkSync('/etc/passwd', join(dir, 'uploads', 'link.jsonl'))
    for (const path of [...refusedPaths(dir), join(dir, 'uploads', 'link.jsonl')]) {
      for (const method of ['import.inspect', 'import.validate', 'import.run']) {
        const input = method === 'import.inspect' ? { path } : { source: { path } }
        const reply = await call(server, method, input)
        expect(errorCode(reply), `${method} ${path}`).toBe('FORBIDDEN')
        expect(reply.text).toContain('uploads')
      }
      expect(errorCode(await call(server, 'import.run', { source: { path: join(dir, 'uploads', 'ok.csv'), edgesPath: path, format: 'csv' } }))).toBe('FORBIDDEN')
      // A .npy import's key list is read too: the same folders.
      expect(errorCode(await call(server, 'import.inspect', { path: join(dir, 'uploads', 'v.npy'), keysPath: path, format: 'npy' }))).toBe('FORBIDDEN')
      expect(errorCode(await call(server, 'import.run', { source: { path: join(dir, 'uploads', 'v.npy'), keysPath: path, model: 'm' } }))).toBe('FORBIDDEN')
    }
  })

  it('import.inspect reads a file in the upload folder', async () => {
    const { dir, server } = served()
    mkdirSync(join(dir, 'uploads'), { recursive: true })
    writeFileSync(join(dir, 'uploads', 'people.jsonl'), '{"kind":"node","key":"a","type":"person"}\n')
    const reply = await call(server, 'import.inspect', { path: join(dir, 'uploads', 'people.jsonl') })
    expect(reply.status, reply.text).toBe(200)
  })

  it('export.run refuses a path outside the export folder and creates nothing there; inside it, it exports', async () => {
    const { dir, server } = served()
    for (const path of ['/tmp/graphkeep-escape.jsonl', join(dir, 'escape.jsonl'), join(dir, 'exports', '..', 'escape2.jsonl')]) {
      expect(errorCode(await call(server, 'export.run', { format: 'jsonl', path })), path).toBe('FORBIDDEN')
      expect(existsSync(path), path).toBe(false)
    }
    const keysOutside = join(dir, 'escape.keys.txt')
    const npyReply = await call(server, 'export.run', { format: 'npy', model: 'm', path: join(dir, 'exports', 'v.npy'), keysPath: keysOutside })
    expect(errorCode(npyReply)).toBe('FORBIDDEN')
    expect(existsSync(keysOutside)).toBe(false)
    const inside = join(dir, 'exports', 'chosen.jsonl')
    mkdirSync(join(dir, 'exports'), { recursive: true })
    const reply = await call(server, 'export.run', { format: 'jsonl', path: inside })
    expect(reply.status, reply.text).toBe(200)
    expect(existsSync(inside)).toBe(true)
    expect((await call(server, 'export.run', { format: 'jsonl' })).status).toBe(200)
  })

  it('backup.preview and backup.restore take files in the store folder and uploads, nothing else', async () => {
    const { dir, server } = served()
    for (const file of ['/etc/passwd', '/proc/self/environ', join(dir, '..', 'other.db')]) {
      expect(errorCode(await call(server, 'backup.preview', { file })), file).toBe('FORBIDDEN')
      expect(errorCode(await call(server, 'backup.restore', { file })), file).toBe('FORBIDDEN')
    }
    writeFileSync(join(dir, 'not-a-store.db'), 'hello')
    expect(errorCode(await call(server, 'backup.preview', { file: join(dir, 'not-a-store.db') }))).toBe('NOT_A_STORE')
  })
})
