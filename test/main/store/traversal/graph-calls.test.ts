import { describe, expect, it } from 'vitest'
import { thrownBy } from '../../../helpers/errors.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store } = useTempStore()

/** a→b→c→d in a line (weights 1), a shortcut a→d of weight 10, e alone; b has edges of two types. */
function line() {
  store().nodes.createMany({ nodes: ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, type: key === 'e' ? 'lonely' : 'step', label: key.toUpperCase() })) })
  store().edges.createMany({ edges: [
    { source: 'a', target: 'b', type: 'next' },
    { source: 'b', target: 'c', type: 'next' },
    { source: 'c', target: 'd', type: 'next' },
    { source: 'a', target: 'd', type: 'jump', weight: 10 },
    { source: 'b', target: 'a', type: 'back' },
  ] })
}

describe('graph calls', () => {
  it('names the first unknown key with NOT_FOUND', () => {
    line()
    expect(thrownBy(() => store().graph.shortestPath({ from: 'a', to: 'ghost', direction: 'out', weighted: false, maxDepth: 6 }), 'NOT_FOUND').message).toMatch(/"ghost"/)
    expect(thrownBy(() => store().graph.neighbourhood({ keys: ['a', 'nobody'], depth: 2, direction: 'both', nodeBudget: 10 }), 'NOT_FOUND').details).toMatchObject({ key: 'nobody' })
    thrownBy(() => store().graph.expand({ key: 'ghost', direction: 'both', limit: 5, offset: 0 }), 'NOT_FOUND')
    thrownBy(() => store().graph.neighbourTypes({ key: 'ghost' }), 'NOT_FOUND')
  })

  it('takes fewest hops unweighted and the cheapest path weighted, within maxDepth', () => {
    line()
    const hops = store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: false, maxDepth: 6 })
    expect(hops).toMatchObject({ found: true, hops: 1, cost: 10 })
    const cheap = store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: true, maxDepth: 6 })
    expect(cheap).toMatchObject({ found: true, hops: 3, cost: 3 })
    expect(cheap.nodes.map((n) => n.key)).toEqual(['a', 'b', 'c', 'd'])
    expect(store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: true, maxDepth: 2 })).toMatchObject({ found: true, hops: 1, cost: 10 })
    expect(store().graph.shortestPath({ from: 'd', to: 'a', direction: 'out', weighted: false, maxDepth: 6 })).toEqual({ nodes: [], edges: [], found: false, hops: -1, cost: 0 })
    expect(store().graph.shortestPath({ from: 'd', to: 'a', direction: 'in', weighted: false, maxDepth: 6 })).toMatchObject({ found: true, hops: 1 })
    expect(store().graph.shortestPath({ from: 'a', to: 'a', direction: 'out', weighted: true, maxDepth: 1 })).toMatchObject({ found: true, hops: 0, cost: 0, nodes: [{ key: 'a' }] })
  })

  it('finds the cheapest path within maxDepth even when a cheaper route to a node on it takes more hops', () => {
    store().nodes.createMany({ nodes: ['a', 'b', 'c', 'd'].map((key) => ({ key, type: 't', label: key })) })
    store().edges.createMany({ edges: [
      { source: 'a', target: 'b', type: 'e', weight: 10 },
      { source: 'a', target: 'c', type: 'e', weight: 1 },
      { source: 'c', target: 'b', type: 'e', weight: 1 },
      { source: 'b', target: 'd', type: 'e', weight: 1 },
    ] })
    const ask = (maxDepth: number) => store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: true, maxDepth })
    expect(ask(3)).toMatchObject({ found: true, hops: 3, cost: 3 })
    expect(ask(2)).toMatchObject({ found: true, hops: 2, cost: 11, nodes: [{ key: 'a' }, { key: 'b' }, { key: 'd' }] })
    expect(ask(1)).toMatchObject({ found: false, hops: -1 })
  })

  it('refuses a weighted path over negative weights with VALIDATION naming the edge, unless its type is filtered out', () => {
    line()
    const negative = store().edges.create({ source: 'c', target: 'e', type: 'debt', weight: -2 })
    const error = thrownBy(() => store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: true, maxDepth: 6 }), 'VALIDATION')
    expect(error.message).toMatch(new RegExp(`edge ${negative.id}.*-2`))
    expect(store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', edgeTypes: ['next'], weighted: true, maxDepth: 6 })).toMatchObject({ cost: 3 })
    expect(store().graph.shortestPath({ from: 'a', to: 'd', direction: 'out', weighted: false, maxDepth: 6 })).toMatchObject({ hops: 1 })
  })

  it('pages a node\'s edges in a stable order: outgoing first, by type name, and counts what is left', () => {
    line()
    const page = (offset: number) => store().graph.expand({ key: 'b', direction: 'both', limit: 2, offset })
    expect(page(0)).toMatchObject({ total: 3, omitted: 1, edges: [{ type: 'back', target: 'a' }, { type: 'next', target: 'c' }] })
    expect(page(0).nodes.map((n) => n.key)).toEqual(['b', 'a', 'c'])
    expect(page(2)).toMatchObject({ total: 3, omitted: 0, edges: [{ type: 'next', source: 'a', target: 'b' }] })
    expect(page(4)).toMatchObject({ total: 3, omitted: 0, edges: [], nodes: [{ key: 'b' }] })
    expect(store().graph.neighbourTypes({ key: 'b' }).types).toEqual([
      { type: 'back', direction: 'out', count: 1 },
      { type: 'next', direction: 'out', count: 1 },
      { type: 'next', direction: 'in', count: 1 },
    ])
  })

  it('stops a neighbourhood at the node budget and says so; reports how deep it got', () => {
    line()
    expect(store().graph.neighbourhood({ keys: ['a'], depth: 6, direction: 'out', nodeBudget: 100 })).toMatchObject({ truncated: false, depthReached: 2 })
    const small = store().graph.neighbourhood({ keys: ['a'], depth: 6, direction: 'out', nodeBudget: 2 })
    expect(small).toMatchObject({ truncated: true, depthReached: 1 })
    expect(small.nodes).toHaveLength(2)
    expect(store().graph.neighbourhood({ keys: ['e'], depth: 3, direction: 'both', nodeBudget: 5 })).toEqual({ nodes: [{ key: 'e', type: 'lonely', label: 'E' }], edges: [], truncated: false, depthReached: 0 })
  })

  it('gives degree statistics over all nodes or some node types', () => {
    line()
    const all = store().graph.degrees({ types: [], top: 2 })
    expect(all).toMatchObject({ nodeCount: 5, edgeCount: 5, total: { min: 0, max: 3, mean: 2, median: 2 } })
    expect(all.top.map((n) => [n.key, n.out, n.in])).toEqual([['a', 2, 1], ['b', 2, 1]])
    expect(all.histogram).toEqual([{ from: 0, to: 0, count: 1 }, { from: 1, to: 1, count: 0 }, { from: 2, to: 3, count: 4 }])
    expect(store().graph.degrees({ types: ['lonely'], top: 5 })).toMatchObject({ nodeCount: 1, edgeCount: 0, histogram: [{ from: 0, to: 0, count: 1 }] })
  })
})
