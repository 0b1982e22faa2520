import { describe, expect, it } from 'vitest'
import { filtersFor } from '../../src/renderer/features/graph/expand-filter.ts'
import { checkBudget, levelOfDetailFor } from '../../src/renderer/features/graph/cy/lod.ts'
import { narrowByTypes } from '../../src/renderer/features/graph/cy/narrow.ts'
import { missingElements } from '../../src/renderer/features/graph/cy/to-elements.ts'
import { NODE_SHAPES, nodeColour, nodeShape } from '../../src/renderer/features/graph/cy/type-palette.ts'

describe('graph elements', () => {
  it('adds only missing nodes and edges whose ends exist, once each', () => {
    const subgraph = {
      nodes: [{ key: 'a', type: 't', label: '' }, { key: 'b', type: 't', label: 'B' }, { key: 'a', type: 't', label: '' }],
      edges: [
        { id: 1, source: 'a', target: 'b', type: 'k', weight: 1 },
        { id: 1, source: 'a', target: 'b', type: 'k', weight: 1 },
        { id: 2, source: 'a', target: 'gone', type: 'k', weight: 1 },
        { id: 3, source: 'b', target: 'old', type: 'k', weight: 1 },
      ],
    }
    const { nodes, edges } = missingElements(subgraph, (id) => id === 'b' || id === 'old')
    expect(nodes.map((n) => n.data.id)).toEqual(['a'])
    expect(nodes[0]?.data.label).toBe('a')
    expect(edges.map((e) => e.data['edgeId'])).toEqual([1, 3])
  })

  it('gives every type a stable colour and one of the shapes', () => {
    expect(nodeColour('person')).toBe(nodeColour('person'))
    expect(nodeColour('person')).not.toBe(nodeColour('company'))
    expect(NODE_SHAPES).toContain(nodeShape('anything'))
  })

  it('turns the chosen menu entries into one graph.expand filter per edge type', () => {
    const entries = [{ type: 'knows', direction: 'out' as const }, { type: 'knows', direction: 'in' as const }, { type: 'works_at', direction: 'out' as const }]
    const choices = { order: 'degree' as const, text: ' ann ', limit: 10 }
    const common = { order: 'degree', limit: 10, text: 'ann' }
    expect(filtersFor(entries, new Set(['out:knows', 'in:knows', 'out:works_at']), choices)).toEqual([
      { direction: 'both', edgeTypes: ['knows'], group: 'knows', ...common },
      { direction: 'out', edgeTypes: ['works_at'], group: 'works_at', ...common },
    ])
    expect(filtersFor(entries, new Set(['in:knows']), { ...choices, text: '' })).toEqual([{ direction: 'in', edgeTypes: ['knows'], group: 'knows', order: 'degree', limit: 10 }])
    expect(filtersFor(entries, new Set(), choices)).toEqual([])
  })

  it('keeps large views cheap and within the budget, and narrows by type', () => {
    expect(levelOfDetailFor(100)).toEqual({ simple: false, viewportShortcuts: false, pixelRatio: null })
    expect(levelOfDetailFor(20_000)).toEqual({ simple: true, viewportShortcuts: true, pixelRatio: 1 })
    const refused = checkBudget(40_000, 20_000)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.message).toContain('60,000 elements')
    const induced = {
      nodes: [{ key: 'p', type: 'person', label: '' }, { key: 'c', type: 'city', label: '' }, { key: 'q', type: 'person', label: '' }],
      edges: [{ id: 1, source: 'p', target: 'c', type: 'x', weight: 1 }, { id: 2, source: 'p', target: 'q', type: 'x', weight: 1 }],
      missing: [],
    }
    const narrowed = narrowByTypes(induced, new Set(['person']))
    expect(narrowed.nodes.map((n) => n.key)).toEqual(['p', 'q'])
    expect(narrowed.edges.map((e) => e.id)).toEqual([2])
  })
})
