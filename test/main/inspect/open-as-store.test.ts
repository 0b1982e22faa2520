import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, unwrap } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { createInspector, type Inspector } from '../../../src/main/inspect/open-as-store.ts'
import { StoreHost } from '../../../src/main/store/host.ts'
import type { BackupInfo } from '../../../src/shared/backup.ts'
import { UNKNOWN_BACKUP_ID } from '../api/examples.ts'
import { makeRendererDir } from '../server/helpers.ts'

// A real store and its real backup; the backup is opened read-only in its own worker behind its own real server.
let dir: string
let rendererDir: string
let host: StoreHost
let backup: BackupInfo
let inspector: Inspector
let backupSha: string
let backupFolderBefore: string[]

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function callAt(url: string, method: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const page = new URL(url)
  const token = new URLSearchParams(page.hash.slice(1)).get('token')
  const response = await fetch(`${page.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  })
  return (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } }
}

beforeAll(async () => {
  ;({ dir, rendererDir } = await makeRendererDir())
  host = await StoreHost.open({ file: join(dir, 'live.graphkeep') })
  await host.store.nodes.createMany({ nodes: [
    { key: 'ada', type: 'person', label: 'Ada Lovelace' },
    { key: 'engine', type: 'machine', label: 'Analytical Engine' },
  ] })
  backup = await host.store.backup.create({}, 'manual')
  // Written after the backup: the inspected copy must not show it.
  await host.store.nodes.create({ key: 'later', type: 'note', label: 'after the backup' })
  backupSha = sha256Of(backup.file)
  backupFolderBefore = readdirSync(dirname(backup.file)).sort()
  inspector = createInspector(rendererDir)
})

afterAll(async () => {
  await inspector?.closeAll()
  await host?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('opening a backup as a store', () => {
  let url: string

  it('serves the backup read-only on a loopback server of its own, with its own token', async () => {
    url = (await inspector.openAsStore(backup.file)).url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/)
    const page = await fetch(new URL(url).origin + '/')
    expect(await page.text()).toContain('GraphKeep test page')

    const nodes = await callAt(url, 'nodes.list', {})
    expect(nodes.ok).toBe(true)
    expect((nodes.data as { items: { key: string }[] }).items.map((node) => node.key).sort()).toEqual(['ada', 'engine'])
    const stats = await callAt(url, 'store.stats', {})
    expect(stats.data).toMatchObject({ readOnly: true, nodeCount: 2, file: backup.file })
    expect(await host.store.store.stats()).toMatchObject({ readOnly: false, nodeCount: 3 })
  })

  it('refuses every write with READ_ONLY', async () => {
    expect(await callAt(url, 'nodes.create', { key: 'x', type: 't' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(await callAt(url, 'nodes.delete', { key: 'ada' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(await callAt(url, 'backup.restore', { file: backup.file })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(await callAt(url, 'nodes.get', { key: 'ada' })).toMatchObject({ ok: true })
  })

  it('cannot open a further store from inside the inspected one', async () => {
    expect(await callAt(url, 'backup.openAsStore', { id: backup.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('reuses the open inspection for the same file', async () => {
    expect((await inspector.openAsStore(backup.file)).url).toBe(url)
  })

  it('backup.openAsStore finds the backup by id and answers the same page link; an unknown id is NOT_FOUND', async () => {
    const dispatch = createDispatch(createHandlers(host, { openAsStore: inspector.openAsStore }))
    expect(unwrap(await dispatch('backup.openAsStore', { id: backup.id }))).toEqual({ url })
    expect(await dispatch('backup.openAsStore', { id: UNKNOWN_BACKUP_ID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('without an inspector the call is refused with a typed VALIDATION error', async () => {
    const dispatch = createDispatch(createHandlers(host))
    expect(await dispatch('backup.openAsStore', { id: backup.id })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'opening a backup as a store is not available here' },
    })
  })

  it('a file that is not a store is refused, and the next open of a good file still works', async () => {
    await expect(inspector.openAsStore(join(rendererDir, 'index.html'))).rejects.toMatchObject({ code: 'NOT_A_STORE' })
    expect((await inspector.openAsStore(backup.file)).url).toBe(url)
  })

  it('closeAll stops the server and closes the store; the backup file is byte for byte as it was', async () => {
    await inspector.closeAll()
    await expect(fetch(new URL(url).origin + '/')).rejects.toThrow()
    expect(sha256Of(backup.file)).toBe(backupSha)
    expect(sha256Of(backup.file)).toBe(backup.sha256)
    expect(readdirSync(dirname(backup.file)).sort()).toEqual(backupFolderBefore)
    // Opened again after closeAll, it is a new inspection on a new server.
    const again = (await inspector.openAsStore(backup.file)).url
    expect(again).not.toBe(url)
    expect(await callAt(again, 'store.stats', {})).toMatchObject({ ok: true, data: { readOnly: true } })
  })
})
