import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unwrap } from '../../../../src/main/api/dispatch.ts'
import { openApiFixture, type ApiFixture } from '../../api/store-fixture.ts'

// A star of 60,000 leaves around one hub, plus a second ring: more nodes than a subgraph may hold.
const LEAVES = 60_000
let fixture: ApiFixture

beforeAll(async () => {
  fixture = await openApiFixture()
  const { dispatch } = fixture
  for (let from = 0; from < LEAVES; from += 10_000) {
    const keys = Array.from({ length: 10_000 }, (_, i) => `leaf${from + i}`)
    unwrap(await dispatch('nodes.createMany', { nodes: keys.map((key) => ({ key, type: 'leaf' })) }))
    if (from === 0) unwrap(await dispatch('nodes.createMany', { nodes: [{ key: 'hub', type: 'hub' }, { key: 'far', type: 'far' }] }))
    unwrap(await dispatch('edges.createMany', { edges: keys.map((key) => ({ source: 'hub', target: key, type: 'spoke' })) }))
  }
  unwrap(await dispatch('edges.create', { source: 'leaf7', target: 'far', type: 'beyond' }))
}, 120_000)
afterAll(() => fixture.close())

describe('graph.neighbourhood modes', () => {
  it("counts every node within depth in mode 'count', past the subgraph cap and with no budget by default", async () => {
    const counted = unwrap(await fixture.dispatch('graph.neighbourhood', { keys: ['hub'], depth: 2, direction: 'out', mode: 'count' }))
    expect(counted).toEqual({ nodes: [], edges: [], truncated: false, depthReached: 2, count: LEAVES + 2 })
    const oneHop = unwrap(await fixture.dispatch('graph.neighbourhood', { keys: ['hub'], depth: 1, direction: 'out', mode: 'count' }))
    expect(oneHop).toMatchObject({ count: LEAVES + 1, depthReached: 1 })
    const budgeted = unwrap(await fixture.dispatch('graph.neighbourhood', { keys: ['hub'], depth: 2, direction: 'out', mode: 'count', nodeBudget: 100 }))
    expect(budgeted).toMatchObject({ count: 100, truncated: true })
  })

  it("lists the keys breadth-first, seeds first, in mode 'keys'; the same nodes as a subgraph would hold", async () => {
    const listed = unwrap(await fixture.dispatch('graph.neighbourhood', { keys: ['leaf7'], depth: 2, direction: 'both', mode: 'keys' }))
    const full = unwrap(await fixture.dispatch('graph.neighbourhood', { keys: ['leaf7'], depth: 2, direction: 'both', nodeBudget: 50_000 }))
    expect(listed.keys?.[0]).toBe('leaf7')
    expect(listed.keys?.slice(0, 3).sort()).toEqual(['far', 'hub', 'leaf7'])
    expect(listed.count).toBe(LEAVES + 2)
    expect(listed.keys).toHaveLength(LEAVES + 2)
    expect(new Set(listed.keys).size).toBe(LEAVES + 2)
    // The subgraph stops at its cap; its nodes are the first ones of the same breadth-first order.
    expect(full.truncated).toBe(true)
    expect(full.nodes.map((node) => node.key)).toEqual(listed.keys?.slice(0, 50_000))
    expect(full.count).toBeUndefined()
  })

  it('keeps the cap for subgraphs: a budget over 50,000 with nodes and edges is a VALIDATION error', async () => {
    const refused = await fixture.dispatch('graph.neighbourhood', { keys: ['hub'], depth: 1, nodeBudget: 60_000 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await fixture.dispatch('graph.neighbourhood', { keys: ['hub'], depth: 1, nodeBudget: 60_000, mode: 'keys' })).toMatchObject({ ok: true })
  })
})
