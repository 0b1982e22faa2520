import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unwrap } from '../../../src/main/api/dispatch.ts'
import { runawayQueries } from '../store/console/write-attempts.ts'
import { openLoggedStore, type LoggedStore } from './query-log-helpers.ts'

// A runaway statement in the SQL console is stopped at its time limit (its process is killed and a
// new one started), while the store keeps answering every other call.
const TIMEOUT_MS = 1500
const GRACE_MS = 500

let store: LoggedStore
beforeAll(async () => {
  store = await openLoggedStore('desktop')
  const nodes = Array.from({ length: 400 }, (_, i) => ({ key: `n${i}`, type: `t${i % 7}`, label: `node number ${i} of the runaway test`, properties: { i, text: 'x'.repeat(40) } }))
  unwrap(await store.dispatch('nodes.createMany', { nodes }))
})
afterAll(() => store.close())

/** Calls the store over and over until `until` settles; answers the slowest answer's time. */
async function keepCalling(until: Promise<unknown>): Promise<{ calls: number; slowestMs: number }> {
  let settled = false
  void until.finally(() => (settled = true)).catch(() => undefined)
  let calls = 0
  let slowestMs = 0
  while (!settled) {
    const started = performance.now()
    const stats = await store.dispatch('nodes.get', { key: `n${calls % 400}` })
    expect(stats.ok).toBe(true)
    slowestMs = Math.max(slowestMs, performance.now() - started)
    calls++
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return { calls, slowestMs }
}

describe('runaway statements are stopped at their time limit while other calls answer', () => {
  // The console's process is up before the clock starts for the first runaway.
  it('warms up', async () => {
    expect(unwrap(await store.dispatch('console.run', { sql: 'SELECT count(*) FROM nodes' })).rows).toEqual([[400]])
  })

  for (const [name, sql] of Object.entries(runawayQueries)) {
    it(name, async () => {
      const started = performance.now()
      const running = store.dispatch('console.run', { sql, timeoutMs: TIMEOUT_MS })
      const others = await keepCalling(running)
      const result = await running
      const elapsed = performance.now() - started
      expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } })
      expect(elapsed).toBeLessThan(TIMEOUT_MS + GRACE_MS)
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5)
      expect(others.calls).toBeGreaterThan(5)
      expect(others.slowestMs).toBeLessThan(250)
      // The console's next process answers at once.
      expect(unwrap(await store.dispatch('console.run', { sql: 'SELECT 42', timeoutMs: 2000 })).rows).toEqual([[42]])
    })
  }

  it('logged each runaway with TIMEOUT and a duration of about its limit', async () => {
    const timedOut = (await store.entriesAfter(0)).filter((entry) => entry.method === 'console.run' && entry.errorCode === 'TIMEOUT')
    expect(timedOut).toHaveLength(Object.keys(runawayQueries).length)
    for (const entry of timedOut) {
      expect(entry.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5)
      expect(entry.durationMs).toBeLessThan(TIMEOUT_MS + GRACE_MS)
    }
  })
})
