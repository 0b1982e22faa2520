import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { rejectionOf } from '../../../helpers/errors.ts'
import { hashOfLiveStore } from '../../../helpers/live-store-hash.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// A real small disk: a 1 MiB tmpfs. Mounting needs root (CAP_SYS_ADMIN); without it these tests are skipped.
const dir = useTempDir('graphkeep-backup-space-')
let mountPoint = ''
let mounted = false
beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'graphkeep-tiny-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    mounted = true
  } catch (error) {
    console.log(`[backup disk space] cannot mount a 1 MiB tmpfs, skipping: ${(error as Error).message.split('\n')[0]}`)
  }
})
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

function storeWithData(kilobytes: number): GraphStore {
  const store = openStore({ file: join(dir(), 'graph.db') })
  const note = 'lorem ipsum dolor sit amet '.repeat(40)
  store.nodes.createMany({ nodes: Array.from({ length: kilobytes }, (_, i) => ({ key: `n${i}`, type: 't', label: `node ${i}`, properties: { note } })) })
  return store
}

describe('backups on a disk without room', () => {
  it('backs up into the small folder when the store fits twice, and the copy verifies', async (context) => {
    if (!mounted) context.skip()
    // Small enough that twice the store and its log stay under 1 MiB (an empty store is ~200 KB since migration 14).
    const store = storeWithData(10)
    try {
      store.backup.setSettings({ folder: join(mountPoint, 'fits') })
      const info = await store.backup.create()
      expect(info.file.startsWith(mountPoint)).toBe(true)
      expect(await store.backup.verify({ id: info.id })).toMatchObject({ ok: true })
    } finally {
      store.close()
      rmSync(join(mountPoint, 'fits'), { recursive: true, force: true })
    }
  })

  it('refuses a backup with INSUFFICIENT_SPACE, leaves nothing in the folder, and the store works on', async (context) => {
    if (!mounted) context.skip()
    const store = storeWithData(1000)
    const folder = join(mountPoint, 'full')
    try {
      store.backup.setSettings({ folder })
      const error = await rejectionOf(store.backup.create(), 'INSUFFICIENT_SPACE')
      const { free, needed } = error.details as { free: number; needed: number }
      expect(free).toBeLessThanOrEqual(1 << 20)
      expect(needed).toBeGreaterThan(free)
      expect(readdirSync(folder)).toEqual([])
      expect(store.backup.list().backups).toEqual([])
      store.nodes.create({ key: 'after', type: 't' })
      expect(store.store.stats().nodeCount).toBe(1001)
    } finally {
      store.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('refuses a restore whose safety backup has no room, with INSUFFICIENT_SPACE, and the live store stays byte-identical', async (context) => {
    if (!mounted) context.skip()
    let store = storeWithData(1000)
    const good = await store.backup.create()
    store.nodes.create({ key: 'after the backup', type: 't' })
    store.close()
    store = openStore({ file: join(dir(), 'graph.db') })
    const folder = join(mountPoint, 'no-room')
    mkdirSync(folder)
    try {
      store.backup.setSettings({ folder })
      const hash = hashOfLiveStore(store.file)
      await rejectionOf(store.backup.restore({ file: good.file }), 'INSUFFICIENT_SPACE')
      expect(hashOfLiveStore(store.file)).toBe(hash)
      expect(readdirSync(folder)).toEqual([])
      expect(store.nodes.get({ key: 'after the backup' })).toMatchObject({ key: 'after the backup' })
      expect(store.store.stats().nodeCount).toBe(1001)
    } finally {
      store.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
