import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { runMetricInput, type RunMetricInput } from '../../../../src/shared/analytics.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const temp = useTempStore()
const run = (store: GraphStore, input: RunMetricInput) => store.analytics.run(runMetricInput.parse(input))
const page = (store: GraphStore, runId: number, extra: Record<string, unknown> = {}) =>
  store.analytics.values({ runId, order: 'desc', offset: 0, limit: 100, ...extra } as Parameters<GraphStore['analytics']['values']>[0])

/** A star with a tail: hub h → a, b, c, d; d → e. */
function writeStar(store: GraphStore): void {
  store.nodes.createMany({ nodes: ['h', 'a', 'b', 'c', 'd', 'e'].map((key) => ({ key, type: key === 'h' ? 'hub' : 'leaf', label: key.toUpperCase() })) })
  store.edges.createMany({ edges: ['a', 'b', 'c', 'd'].map((target) => ({ source: 'h', target, type: 'spoke' })) })
  store.edges.create({ source: 'd', target: 'e', type: 'tail' })
}

describe('metric runs are data', () => {
  it('a run is stale after a write that changes nodes or edges, and not after a metadata or view change', async () => {
    const store = temp.store()
    writeStar(store)
    const first = await run(store, { algorithm: 'pagerank' })
    expect(first.stale).toBe(false)
    store.meta.set({ key: 'title', value: 'A star' })
    store.views.save({ name: 'star', state: { nodes: [] }, nodeCount: 0 })
    expect(store.analytics.runs().runs.map((r) => r.stale)).toEqual([false])
    store.edges.create({ source: 'e', target: 'h', type: 'tail' })
    expect(store.analytics.runs().runs.map((r) => r.stale)).toEqual([true])
    const second = await run(store, { algorithm: 'pagerank' })
    expect(store.analytics.runs().runs.map((r) => [r.id, r.stale])).toEqual([[second.id, false], [first.id, true]])
    store.nodes.update({ key: 'e', label: 'renamed' })
    expect(store.analytics.runs().runs.map((r) => r.stale)).toEqual([true, true])
  })

  it('runs and their values survive closing and reopening the store', async () => {
    writeStar(temp.store())
    const degree = await run(temp.store(), { algorithm: 'degree', params: { mode: 'out' } })
    const before = page(temp.store(), degree.id)
    temp.store().close()
    const reopened = openStore({ file: temp.file() })
    try {
      expect(reopened.analytics.runs().runs).toEqual([degree])
      expect(page(reopened, degree.id)).toEqual(before)
    } finally {
      reopened.close()
    }
  })

  it('pages values sorted both ways, filtered by range and top N, with shared ranks and another run beside', async () => {
    const store = temp.store()
    writeStar(store)
    const out = await run(store, { algorithm: 'degree', params: { mode: 'out' } })
    const total = await run(store, { algorithm: 'degree', params: { mode: 'total' } })
    const desc = page(store, out.id)
    expect(desc.rows.map((r) => [r.key, r.value, r.rank])).toEqual([['h', 4, 1], ['d', 1, 2], ['a', 0, 3], ['b', 0, 3], ['c', 0, 3], ['e', 0, 3]])
    expect(desc.total).toBe(6)
    expect(page(store, out.id, { order: 'asc', limit: 2 }).rows.map((r) => r.key)).toEqual(['e', 'c'])
    expect(page(store, out.id, { min: 1 }).rows.map((r) => r.key)).toEqual(['h', 'd'])
    expect(page(store, out.id, { min: 0.5, max: 2 }).rows.map((r) => r.key)).toEqual(['d'])
    expect(page(store, out.id, { top: 3, offset: 1 })).toMatchObject({ total: 3, rows: [{ key: 'd' }, { key: 'a' }] })
    expect(page(store, out.id, { compareTo: total.id, limit: 2 }).rows.map((r) => [r.key, r.value, r.other])).toEqual([['h', 4, 4], ['d', 1, 2]])
    expect(store.analytics.valuesOf({ runIds: [out.id], keys: ['d', 'missing'] }).values).toEqual({ [out.id]: { d: [1, 2] } })
    const node = store.analytics.nodeMetrics({ key: 'd' }).metrics
    expect(node.map((m) => [m.run.label, m.value, m.rank, m.of])).toEqual([['Degree (total)', 2, 2, 6], ['Degree (out)', 1, 2, 6]])
  })

  it('a scope narrows the nodes; group sizes come largest first; a deleted run is gone', async () => {
    const store = temp.store()
    writeStar(store)
    const leaves = await run(store, { algorithm: 'weakComponents', scope: { nodeTypes: ['leaf'] } })
    expect(leaves).toMatchObject({ nodeCount: 5, edgeCount: 1, summary: { groups: 4, largestGroup: 2 }, label: 'Weak component · leaf' })
    expect(store.analytics.groups({ runId: leaves.id, limit: 2 })).toEqual({ groups: [{ group: 0, size: 2 }, { group: 1, size: 1 }], total: 4 })
    expect(store.analytics.delete({ runId: leaves.id })).toEqual({ deleted: true })
    expect(store.analytics.runs().runs).toEqual([])
    thrownBy(() => page(store, leaves.id), 'NOT_FOUND')
  })

  it('a store opened read-only refuses to run or delete, and still reads the runs it has', async () => {
    writeStar(temp.store())
    const pagerank = await run(temp.store(), { algorithm: 'pagerank' })
    temp.store().close()
    const readOnly = openStore({ file: temp.file(), readOnly: true })
    try {
      expect(readOnly.analytics.runs().runs.map((r) => r.id)).toEqual([pagerank.id])
      expect(page(readOnly, pagerank.id).rows[0]?.key).toBe('e') // at the end of the longest chain
      await expect(run(readOnly, { algorithm: 'degree' })).rejects.toMatchObject({ code: 'STORE_BUSY' })
      thrownBy(() => readOnly.analytics.delete({ runId: pagerank.id }), 'STORE_BUSY')
    } finally {
      readOnly.close()
    }
  })
})
