import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import type { MetricRun } from '../../../../src/shared/analytics.ts'
import type { Expansion } from '../../../../src/shared/graph.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'

let fixture: ApiFixture
beforeEach(async () => {
  fixture = await openApiFixture()
})
afterEach(() => fixture.close())

const neighbours = (page: Expansion) => page.edges.map((edge) => (edge.source === 'hub' ? edge.target : edge.source))

describe('expand by a stored metric through the worker', () => {
  it('reads runs on the reader connections, refuses a bad request as data, and never ranks by a deleted run whose id was taken again', async () => {
    const { dispatch } = fixture
    unwrap(await dispatch('nodes.createMany', { nodes: ['hub', 'a', 'b', 'c', 'x', 'y'].map((key) => ({ key, type: 't' })) }))
    // Out-degree: a 3, b 1, c 0. In-degree: c 3, b 1, a 0.
    const edges = [['hub', 'a'], ['hub', 'b'], ['hub', 'c'], ['a', 'x'], ['a', 'y'], ['a', 'b'], ['b', 'c'], ['x', 'c'], ['y', 'c']]
    unwrap(await dispatch('edges.createMany', { edges: edges.map(([source, target]) => ({ source: source!, target: target!, type: 'e' })) }))
    const out = unwrap(await dispatch('analytics.run', { algorithm: 'degree', params: { mode: 'out' } })) as MetricRun
    const expand = async (runId: number) => unwrap(await dispatch('graph.expand', { key: 'hub', direction: 'out', order: 'metric', runId })) as Expansion
    // Several times: every reader connection reads (and keeps) the run.
    for (let i = 0; i < 6; i++) expect(neighbours(await expand(out.id))).toEqual(['a', 'b', 'c'])

    const missing = await dispatch('graph.expand', { key: 'hub', order: 'metric' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // Deleted on the writer and its id taken again at once: no reader may use the values it kept.
    unwrap(await dispatch('analytics.delete', { runId: out.id }))
    const incoming = unwrap(await dispatch('analytics.run', { algorithm: 'degree', params: { mode: 'in' } })) as MetricRun
    expect(incoming.id).toBe(out.id)
    for (let i = 0; i < 6; i++) expect(neighbours(await expand(incoming.id))).toEqual(['c', 'b', 'a'])
    unwrap(await dispatch('analytics.delete', { runId: incoming.id }))
    expect(await dispatch('graph.expand', { key: 'hub', order: 'metric', runId: incoming.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
