import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import type { AppEvent } from '../../../../src/shared/events.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'

let fixture: ApiFixture
beforeEach(async () => {
  fixture = await openApiFixture()
})
afterEach(() => fixture.close())

/** n nodes and about 4n random edges, written through the contract. */
async function writeRandomGraph(n: number): Promise<void> {
  const { next } = seededRandom('worker runs graph')
  for (let from = 0; from < n; from += 10_000) {
    const nodes = Array.from({ length: Math.min(10_000, n - from) }, (_, i) => ({ key: `k${from + i}`, type: 'node' }))
    unwrap(await fixture.dispatch('nodes.createMany', { nodes }))
  }
  for (let written = 0; written < 4 * n; written += 10_000) {
    const edges = Array.from({ length: 10_000 }, () => ({ source: `k${Math.floor(next() * n)}`, target: `k${Math.floor(next() * n)}`, type: 'link' }))
    unwrap(await fixture.dispatch('edges.createMany', { edges }))
  }
}

describe('metric runs in the store worker', () => {
  it('a long run reports progress, the worker keeps answering other calls, and cancel stops it without storing anything', async () => {
    await writeRandomGraph(20_000)
    const progress: Extract<AppEvent, { type: 'progress' }>[] = []
    fixture.host.onEvent((event) => event.type === 'progress' && event.jobId === 'long-betweenness' && progress.push(event))
    // Exact betweenness on 20k nodes takes tens of seconds: long enough to be cancelled midway.
    const running = fixture.dispatch('analytics.run', { algorithm: 'betweenness', params: { exactLimit: 100_000 }, jobId: 'long-betweenness' })
    while (progress.filter((p) => p.phase === 'searching').length < 2) await new Promise((resolve) => setTimeout(resolve, 20))
    const asked = performance.now()
    unwrap(await fixture.dispatch('store.stats', {}))
    expect(performance.now() - asked).toBeLessThan(250)
    const searching = progress.filter((p) => p.phase === 'searching')
    expect(searching.at(-1)).toMatchObject({ total: 20_000, label: 'Betweenness' })
    expect(unwrap(await fixture.dispatch('analytics.cancel', { jobId: 'long-betweenness' }))).toEqual({ cancelled: true })
    const outcome = await running
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(unwrap(await fixture.dispatch('analytics.runs', {})).runs).toEqual([])
    expect(unwrap(await fixture.dispatch('analytics.cancel', { jobId: 'long-betweenness' }))).toEqual({ cancelled: false })
  }, 120_000)

  it('PageRank and Louvain runs through dispatch are listed with their summaries', async () => {
    await writeRandomGraph(10_000)
    const pagerank = unwrap(await fixture.dispatch('analytics.run', { algorithm: 'pagerank' }))
    expect(pagerank.summary.converged).toBe(true)
    const louvain = unwrap(await fixture.dispatch('analytics.run', { algorithm: 'louvain', params: { resolution: 1 } }))
    expect(louvain.summary.modularity).toBeGreaterThan(0.2)
    expect(unwrap(await fixture.dispatch('analytics.runs', {})).runs.map((r) => r.label)).toEqual(['Community', 'PageRank'])
    const top = unwrap(await fixture.dispatch('analytics.values', { runId: pagerank.id, limit: 3 }))
    expect(top.rows.map((r) => r.rank)).toEqual([1, 2, 3])
    expect(top.nodeCount).toBe(10_000)
  }, 120_000)
})
