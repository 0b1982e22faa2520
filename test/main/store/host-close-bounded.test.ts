import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreHost } from '../../../src/main/store/index.ts'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

async function openHost(limits = { answerMs: 400, terminateMs: 400 }): Promise<StoreHost> {
  const dir = await mkdtemp(join(tmpdir(), 'graphkeep-close-'))
  folders.push(dir)
  return StoreHost.open({ file: join(dir, 'store.graphkeep'), readerCount: 0 }, limits)
}

describe('StoreHost.close when the writer does not answer', () => {
  it('a writer whose close is stuck in native code is terminated after the limit, and close completes', async () => {
    const host = await openHost()
    await host.call('nodes.create', { key: 'in-the-wal', type: 't' })
    // Another connection keeps a read snapshot open: the writer's closing checkpoint (TRUNCATE) waits
    // for it inside SQLite, up to the busy timeout (5 s), where terminating the thread cannot reach.
    const other = new Database(host.file)
    other.exec('BEGIN')
    other.prepare('SELECT count(*) FROM nodes').get()
    try {
      const started = performance.now()
      await host.close()
      const took = performance.now() - started
      console.log(`close took ${took.toFixed(0)} ms with the writer stuck in its checkpoint`)
      expect(took).toBeLessThan(3000)
      await expect(host.call('nodes.get', { key: 'in-the-wal' })).rejects.toMatchObject({ code: 'STORE_CLOSED' })
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  })

  it('once the writer thread has ended, calls fail at once with STORE_CLOSED and close still completes', async () => {
    const host = await openHost()
    // The writer's thread ends as a crash would end it (the store's own close is not asked for).
    await (Reflect.get(host, 'worker') as Worker).terminate()
    await expect(host.call('nodes.create', { key: 'late', type: 't' })).rejects.toMatchObject({ code: 'STORE_CLOSED' })
    const started = performance.now()
    await host.close()
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
