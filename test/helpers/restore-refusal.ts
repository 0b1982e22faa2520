import { mkdirSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'
import { openStore, StoreHost, type GraphStore } from '../../src/main/store/index.ts'
import type { BackupInfo, RestoreSource } from '../../src/shared/backup.ts'
import type { ErrorCode } from '../../src/shared/errors.ts'
import { rejectionOf } from './errors.ts'
import { hashOfLiveStore } from './live-store-hash.ts'
import { dumpGraph, type GraphDump } from './store-dump.ts'

const META_KEYS = ['title', 'owner', 'layout']

export interface RefusalFixture {
  host: StoreHost
  file: string
  /** A real, listed backup of the seeded store. */
  backup: BackupInfo
  /** A folder for candidate files, outside the backups folder. */
  candidates: string
  /** Restoring `source` rejects with `code`; the live store's bytes, folder and counts are as before. */
  expectRefused(source: RestoreSource, code: ErrorCode): Promise<void>
  /** The whole store reads as it did before the first refusal, and no backup was added or removed. */
  expectUnchanged(): Promise<void>
}

function seed(store: GraphStore): void {
  const types = ['person', 'place', 'thing']
  store.nodes.createMany({ nodes: Array.from({ length: 300 }, (_, i) => ({
    key: `n${i}`, type: types[i % 3] as string, label: `Node ${i} é ✓`, properties: { i, even: i % 2 === 0, tags: ['a', `t${i % 7}`], note: 'x'.repeat(i % 40) },
  })) })
  store.edges.createMany({ edges: Array.from({ length: 200 }, (_, i) => ({
    source: `n${i}`, target: `n${(i * 7 + 1) % 300}`, type: i % 2 ? 'knows' : 'near', weight: i / 8, properties: { since: 2000 + (i % 20) },
  })) })
  store.meta.set({ key: 'title', value: 'Refusal fixture' })
  store.meta.set({ key: 'owner', value: { name: 'test', id: 7 } })
  store.meta.set({ key: 'layout', value: [1, 2, 3] })
}

/**
 * A store with data and a backup of it (made in this thread), then opened in the real worker: closing
 * checkpointed its WAL, so from then on only a write could change its bytes.
 */
export async function openRefusalFixture(dir: string): Promise<RefusalFixture> {
  const file = join(dir, 'store', 'graph.db')
  mkdirSync(dirname(file), { recursive: true })
  const local = openStore({ file })
  let backup: BackupInfo
  try {
    seed(local)
    backup = await local.backup.create()
  } finally {
    local.close()
  }
  const host = await StoreHost.open({ file })
  const candidates = join(dir, 'candidates')
  mkdirSync(candidates, { recursive: true })

  const liveHash = hashOfLiveStore(file)
  const storeFolder = readdirSync(dirname(file)).sort()
  const dump: GraphDump = await dumpGraph(host.store, META_KEYS)
  const backupIds = (await host.store.backup.list()).backups.map((b) => b.id)
  const stats = await host.store.store.stats()

  return {
    host, file, backup, candidates,
    async expectRefused(source, code) {
      await rejectionOf(host.store.backup.restore(source), code)
      expect(hashOfLiveStore(file), 'the live store file changed').toBe(liveHash)
      expect(readdirSync(dirname(file)).sort(), 'files appeared or vanished beside the store').toEqual(storeFolder)
      expect(await host.store.store.stats()).toMatchObject({ nodeCount: stats.nodeCount, edgeCount: stats.edgeCount })
      expect(await host.store.nodes.get({ key: 'n299' })).toEqual(dump.nodes.find((node) => node.key === 'n299'))
    },
    async expectUnchanged() {
      expect(await dumpGraph(host.store, META_KEYS)).toEqual(dump)
      expect((await host.store.backup.list()).backups.map((b) => b.id)).toEqual(backupIds)
      expect(hashOfLiveStore(file)).toBe(liveHash)
    },
  }
}
