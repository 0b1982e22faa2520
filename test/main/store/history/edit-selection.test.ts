import { describe, expect, it } from 'vitest'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store } = useTempStore()
const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

function seed() {
  store().nodes.createMany({ nodes: ['a', 'b', 'c', 'd'].map((key) => ({ key, type: 't' })) })
  store().edges.createMany({
    edges: [
      { source: 'a', target: 'b', type: 'x' },
      { source: 'b', target: 'a', type: 'y' },
      { source: 'a', target: 'a', type: 'self' },
      { source: 'c', target: 'd', type: 'x' },
      { source: 'b', target: 'c', type: 'x' },
    ],
  })
}

describe('editing a selection', () => {
  it('counts the nodes named that exist and each edge at them once (loops and edges between them too)', () => {
    seed()
    expect(store().nodes.deleteImpact({ keys: ['a', 'b'] })).toEqual({ nodes: 2, edges: 4 })
    expect(store().nodes.deleteImpact({ keys: ['a', 'a', 'nobody'] })).toEqual({ nodes: 1, edges: 3 })
    expect(store().nodes.deleteImpact({ keys: ['d'] })).toEqual({ nodes: 1, edges: 1 })
    expect(store().nodes.deleteImpact({ keys: ['nobody'] })).toEqual({ nodes: 0, edges: 0 })
  })

  it('deletes nodes and named edges in one batch, which one undo brings back', () => {
    seed()
    const before = store().edges.list({ order: 'asc', limit: 10 }).items.map((e) => e.id)
    const bc = store().edges.list({ order: 'asc', limit: 10 }).items.find((e) => e.source === 'b' && e.target === 'c')!
    const result = store().nodes.deleteMany({ keys: ['d'], edgeIds: [bc.id] })
    expect(result.count).toBe(1)
    expect(store().edges.list({ order: 'asc', limit: 10 }).items.map((e) => `${e.source}-${e.target}`).sort()).toEqual(['a-a', 'a-b', 'b-a'])
    const batch = store().history.list({ limit: 1 }).items[0]!
    expect(batch).toMatchObject({ id: result.batchId, operation: 'nodes.deleteMany', counts: { 'edge.delete': 2, 'node.delete': 1 } })
    store().history.undo({ batchId: result.batchId, withLater: false })
    expect(store().edges.list({ order: 'asc', limit: 10 }).items.map((e) => e.id)).toEqual(before)
    expect(store().nodes.get({ key: 'd' }).key).toBe('d')
  })

  it('refuses the whole delete, changing nothing, when an edge id is not there', () => {
    seed()
    expect(() => store().nodes.deleteMany({ keys: ['a'], edgeIds: [999] })).toThrow(/no edge with id 999/)
    expect(store().nodes.deleteImpact({ keys: ['a', 'b', 'c', 'd'] })).toEqual({ nodes: 4, edges: 5 })
  })

  it('reads many nodes as of a time: then, now, a diff, and their edges once each', async () => {
    seed()
    await pause()
    const then = Date.now()
    await pause()
    store().nodes.update({ key: 'a', label: 'changed' })
    store().nodes.delete({ key: 'c' })
    store().nodes.create({ key: 'e', type: 't' })
    store().edges.create({ source: 'e', target: 'a', type: 'z' })
    const asOf = store().history.asOfMany({ keys: ['a', 'b', 'c', 'e', 'nobody'], at: then })
    expect(asOf.nodes.map((n) => [n.key, n.then?.label ?? null, n.now?.label ?? null])).toEqual([
      ['a', 'a', 'changed'], ['b', 'b', 'b'], ['c', 'c', null], ['e', null, 'e'],
    ])
    expect(asOf.nodes[0]?.changes).toEqual([{ field: 'label', before: 'a', after: 'changed' }])
    expect(asOf.edges.map((e) => e.id)).toEqual([...new Set(asOf.edges.map((e) => e.id))].sort((x, y) => x - y))
    expect(asOf.edges.map((e) => `${e.source}-${e.type}-${e.target}:${e.status}`).sort()).toEqual([
      'a-self-a:same', 'a-x-b:same', 'b-x-c:gone', 'b-y-a:same', 'c-x-d:gone', 'e-z-a:added',
    ])
  })
})
