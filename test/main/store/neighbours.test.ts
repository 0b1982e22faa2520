import { describe, expect, it } from 'vitest'
import type { NeighboursQuery } from '../../../src/shared/domain.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

/** h has three outgoing edges (x, y, x) and two incoming (x, z); g has only outgoing ones; lonely has none. */
function starGraph() {
  store().nodes.createMany({ nodes: ['a', 'b', 'c', 'd', 'e', 'g', 'h', 'lonely'].map((key) => ({ key, type: key === 'h' ? 'hub' : 'leaf', label: key.toUpperCase() })) })
  store().edges.createMany({ edges: [
    { source: 'h', target: 'c', type: 'x' },
    { source: 'h', target: 'b', type: 'y', weight: 3 },
    { source: 'h', target: 'a', type: 'x', properties: { first: true } },
    { source: 'e', target: 'h', type: 'z' },
    { source: 'd', target: 'h', type: 'x' },
    { source: 'g', target: 'a', type: 'x' },
    { source: 'g', target: 'b', type: 'x' },
  ] })
}

const ask = (key: string, direction: NeighboursQuery['direction'], limit = 100, edgeTypes?: string[]) =>
  store().nodes.neighbours({ key, direction, limit, edgeTypes })
const summary = (key: string, direction: NeighboursQuery['direction'], limit = 100, edgeTypes?: string[]) => {
  const { items, truncated } = ask(key, direction, limit, edgeTypes)
  return { items: items.map((n) => `${n.direction}:${n.edge.type}:${n.node.key}`), truncated }
}

describe('neighbours', () => {
  it('lists outgoing edges by type then other node, with the full edge and node', () => {
    starGraph()
    expect(summary('h', 'out')).toEqual({ items: ['out:x:a', 'out:x:c', 'out:y:b'], truncated: false })
    const [first] = ask('h', 'out').items
    const edgeId = first?.edge.id ?? 0
    expect(first).toEqual({ direction: 'out', edge: store().edges.get({ id: edgeId }), node: store().nodes.get({ key: 'a' }) })
    expect(first?.edge).toMatchObject({ source: 'h', target: 'a', properties: { first: true } })
  })

  it('lists incoming edges with the source as the other node', () => {
    starGraph()
    expect(summary('h', 'in')).toEqual({ items: ['in:x:d', 'in:z:e'], truncated: false })
    const [first] = ask('h', 'in').items
    expect(first).toEqual({ direction: 'in', edge: store().edges.get({ id: first?.edge.id ?? 0 }), node: store().nodes.get({ key: 'd' }) })
    expect(first?.edge).toMatchObject({ source: 'd', target: 'h' })
  })

  it('lists both directions, outgoing first', () => {
    starGraph()
    expect(summary('h', 'both').items).toEqual(['out:x:a', 'out:x:c', 'out:y:b', 'in:x:d', 'in:z:e'])
  })

  it('keeps only the given edge types', () => {
    starGraph()
    expect(summary('h', 'both', 100, ['x']).items).toEqual(['out:x:a', 'out:x:c', 'in:x:d'])
    expect(summary('h', 'both', 100, ['y', 'z']).items).toEqual(['out:y:b', 'in:z:e'])
    expect(summary('h', 'out', 100, ['z'])).toEqual({ items: [], truncated: false })
  })

  it('truncates to the limit and says so exactly when more neighbours exist', () => {
    starGraph()
    const cases: [string, NeighboursQuery['direction'], string[] | undefined][] = [
      ['h', 'both', undefined], ['h', 'out', undefined], ['h', 'in', undefined], ['h', 'both', ['x']],
      ['g', 'both', undefined], ['a', 'both', undefined], ['lonely', 'both', undefined],
    ]
    for (const [key, direction, types] of cases) {
      const all = summary(key, direction, 1000, types).items
      for (let limit = 1; limit <= all.length + 1; limit++) {
        expect(summary(key, direction, limit, types), `${key} ${direction} ${types} limit ${limit}`).toEqual({
          items: all.slice(0, limit),
          truncated: limit < all.length,
        })
        expect(ask(key, direction, limit, types).omitted).toBe(Math.max(0, all.length - limit))
      }
    }
  })

  it('answers an existing node without edges with nothing, and an unknown key with NOT_FOUND', () => {
    starGraph()
    expect(ask('lonely', 'both')).toEqual({ items: [], truncated: false, omitted: 0, total: 0, nextCursor: null })
    expect(thrownBy(() => ask('ghost', 'both'), 'NOT_FOUND').details).toEqual({ key: 'ghost' })
    thrownBy(() => ask('ghost', 'out', 1, ['x']), 'NOT_FOUND')
  })

  it('follows writes: a deleted edge or node is no longer a neighbour', () => {
    starGraph()
    const [toA] = ask('h', 'out').items
    store().edges.delete({ id: toA?.edge.id ?? 0 })
    store().nodes.delete({ key: 'd' })
    expect(summary('h', 'both').items).toEqual(['out:x:c', 'out:y:b', 'in:z:e'])
  })
})
