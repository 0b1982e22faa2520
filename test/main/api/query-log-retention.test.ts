import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../src/main/api/dispatch.ts'
import { queryLogOf } from '../../../src/main/api/query-log-buffer.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { openLoggedStore, type LoggedStore } from './query-log-helpers.ts'

const N = 100

let store: LoggedStore
beforeEach(async () => {
  store = await openLoggedStore('web')
})
afterEach(() => store.close())

describe('the query log keeps the newest entries up to its limit', () => {
  it(`keeps exactly the newest ${N} after ${3 * N} calls, written in batches of random sizes`, async () => {
    const random = seededRandom('query-log-retention')
    unwrap(await store.dispatch('querylog.setSettings', { maxEntries: N }))
    const log = queryLogOf(store.host, 'web')
    for (let i = 0; i < 3 * N; i++) {
      await store.dispatch('nodes.get', { key: `call-${i}` })
      // The buffer is written at random points, so trimming runs on batches of every size.
      if (random.next() < 0.1) await log.flush()
    }
    const kept = await store.entriesAfter(0)
    expect(kept).toHaveLength(N)
    expect(kept.map((entry) => JSON.parse(entry.params ?? '{}').key)).toEqual(Array.from({ length: N }, (_, i) => `call-${2 * N + i}`))
    expect(kept.every((entry) => entry.errorCode === 'NOT_FOUND' && entry.origin === 'web')).toBe(true)
  })

  it('a lower limit drops the oldest at once; the default is 100,000', async () => {
    expect(unwrap(await store.dispatch('querylog.getSettings', {}))).toEqual({ maxEntries: 100_000 })
    for (let i = 0; i < 150; i++) await store.dispatch('store.stats', {})
    expect(await store.entriesAfter(0)).toHaveLength(150)
    unwrap(await store.dispatch('querylog.setSettings', { maxEntries: 120 }))
    const kept = await store.entriesAfter(0)
    // 120 kept when the limit was set, then the setSettings call itself was written and one more dropped.
    expect(kept).toHaveLength(120)
    expect(kept.at(-1)?.method).toBe('querylog.setSettings')
  })

  it('closing the store writes what the buffer still holds', async () => {
    for (let i = 0; i < 7; i++) await store.dispatch('types.counts', {})
    const file = store.host.file
    await store.host.close()
    const { StoreHost } = await import('../../../src/main/store/index.ts')
    const reopened = await StoreHost.open({ file })
    try {
      const page = await reopened.store.querylog.list({ limit: 100 })
      expect(page.items.filter((entry) => entry.method === 'types.counts')).toHaveLength(7)
    } finally {
      await reopened.close()
    }
  })
})
