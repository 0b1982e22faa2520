import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkStoreAtStartup } from '../../../src/main/setup/startup-check.ts'
import { openStore } from '../../../src/main/store/index.ts'
import type { GraphStore } from '../../../src/main/store/types.ts'
import { useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-startup-')
const file = () => join(dir(), 'graph.db')

// The startup check reads the store through its async API; the in-process store answers the same calls.
const remote = (store: GraphStore) => ({
  health: { check: async (input: { full: boolean }) => store.health.check(input) },
  backup: { list: async () => store.backup.list(), verify: (input: { id: string }) => store.backup.verify(input) },
})

function storeWithNodes(count: number): GraphStore {
  const store = openStore({ file: file() })
  const keys = Array.from({ length: count }, (_, i) => `node-${String(i).padStart(5, '0')}`)
  store.nodes.createMany({ nodes: keys.map((key) => ({ key, type: 't', label: key })) })
  store.edges.createMany({ edges: keys.slice(1).map((key, i) => ({ source: keys[i] as string, target: key, type: 'next' })) })
  return store
}

function zeroMiddleLeafOf(index: string): void {
  const { pages, pageSize } = withRawDb(file(), (raw) => ({
    pageSize: raw.pragma('page_size', { simple: true }) as number,
    pages: raw.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(index) as number[],
  }))
  const page = pages[Math.floor(pages.length / 2)] as number
  const fd = openSync(file(), 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (page - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
}

describe('the startup check', () => {
  it('passes a sound store without looking at backups', async () => {
    const store = storeWithNodes(10)
    expect(await checkStoreAtStartup(remote(store))).toEqual({ ok: true, problems: [], newestGoodBackup: null })
    store.close()
  })

  it('offers the newest backup that verifies for a damaged store, and restoring it heals the store', async () => {
    let store = storeWithNodes(3000)
    const good = await store.backup.create({}, 'manual')
    const newer = await store.backup.create({}, 'scheduled')
    // The newest backup is damaged too: the offer must skip it.
    const backupFd = openSync(newer.file, 'r+')
    writeSync(backupFd, Buffer.from('garbage'), 0, 7, 5000)
    closeSync(backupFd)
    store.close()
    zeroMiddleLeafOf('edges_out')

    store = openStore({ file: file() })
    const check = await checkStoreAtStartup(remote(store))
    expect(check.ok).toBe(false)
    expect(check.problems.length).toBeGreaterThan(0)
    expect(check.newestGoodBackup?.id).toBe(good.id)

    await store.backup.restore({ id: good.id })
    expect(store.health.check({ full: true }).integrity.ok).toBe(true)
    expect(store.store.stats()).toMatchObject({ nodeCount: 3000, edgeCount: 2999 })
    store.close()
  })
})
