import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { Expansion, GraphEdge, GraphNode } from '../../src/shared/graph.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { stubElementId } from '../../src/renderer/features/graph/cy/ids.ts'
import { ELEMENT_BUDGET, LARGE_GRAPH_ELEMENTS } from '../../src/renderer/features/graph/cy/lod.ts'
import { clearPath, highlightPath, pathElementIds } from '../../src/renderer/features/graph/cy/path-highlight.ts'
import { captureViewState, parseViewState, positionsByKey } from '../../src/renderer/features/graph/cy/view-state.ts'

// A headless cytoscape: the real library, without a canvas.
let controller: GraphController
afterEach(() => controller?.cy.destroy())
const create = () => (controller = createGraphController(cytoscape({ headless: true, styleEnabled: true })))

const node = (key: string, type = 'person'): GraphNode => ({ key, type, label: key.toUpperCase() })
let nextEdge = 1
const edge = (source: string, target: string, type = 'knows'): GraphEdge => ({ id: nextEdge++, source, target, type, weight: 1 })
const page = (key: string, neighbours: string[], omitted: number): Expansion => ({
  nodes: [node(key), ...neighbours.map((n) => node(n))],
  edges: neighbours.map((n) => edge(key, n)),
  total: neighbours.length + omitted,
  omitted,
})
const realNodeIds = () => controller.cy.nodes().not('.stub').map((n) => n.id()).sort()

describe('graph controller', () => {
  it('keeps one "+N more" stub per edge type, each asking for its own next page, none on top of another', () => {
    create()
    controller.load({ nodes: [node('hub')], edges: [] }, 'seed')
    const cites = { direction: 'in' as const, edgeTypes: ['cites'], group: 'cites', order: 'degree' as const, limit: 2 }
    const mentions = { direction: 'both' as const, edgeTypes: ['mentions'], group: 'mentions', order: 'degree' as const, limit: 2 }
    controller.applyExpansion('hub', page('hub', ['c1', 'c2'], 30), cites, 0)
    controller.applyExpansion('hub', page('hub', ['m1', 'm2'], 5), mentions, 0)
    const stubs = controller.cy.nodes('.stub')
    expect(stubs.map((stub) => stub.data('label')).sort()).toEqual(['+30 more cites', '+5 more mentions'])
    expect(new Set(stubs.map((stub) => `${stub.position('x')},${stub.position('y')}`)).size).toBe(2)
    expect(controller.expansionOf('hub', 'cites')).toMatchObject({ loaded: 2, total: 32, order: 'degree', edgeTypes: ['cites'] })
    // The next page of one type leaves the other's stub alone.
    controller.applyExpansion('hub', page('hub', ['c3', 'c4'], 28), cites, 2)
    expect(controller.cy.getElementById(stubElementId('hub', 'cites')).data('label')).toBe('+28 more cites')
    expect(controller.cy.getElementById(stubElementId('hub', 'mentions')).data('label')).toBe('+5 more mentions')
    expect(controller.expansionOf('hub', 'cites')).toMatchObject({ loaded: 4 })
    expect(controller.describeNode('hub')?.expanded).toBe(true)
    controller.collapse('hub')
    expect(controller.cy.nodes('.stub').length).toBe(0)
    expect(realNodeIds()).toEqual(['hub'])
    expect(controller.describeNode('hub')?.expanded).toBe(false)
  })

  it('loads a subgraph once: a second load adds nothing and edges never dangle', () => {
    create()
    const subgraph = { nodes: [node('a'), node('b')], edges: [edge('a', 'b'), edge('a', 'zzz')] }
    expect(controller.load(subgraph, 'seed')).toBe(2)
    expect(controller.load(subgraph, 'seed')).toBe(0)
    expect(controller.summary()).toMatchObject({ nodes: 2, edges: 1, hidden: 0, nodeTypes: [{ type: 'person', count: 2 }] })
  })

  it('adds a page of neighbours with a "+N more" stub, fetches the rest from it, and collapses back', () => {
    create()
    controller.load({ nodes: [node('hub')], edges: [] }, 'seed')
    controller.applyExpansion('hub', page('hub', ['n1', 'n2'], 3), { direction: 'both', edgeTypes: undefined }, 0)
    expect(controller.cy.getElementById(stubElementId('hub')).data('label')).toBe('+3 more')
    expect(controller.expansionOf('hub')).toMatchObject({ loaded: 2, total: 5 })

    controller.applyExpansion('hub', page('hub', ['n3', 'n4', 'n5'], 0), { direction: 'both', edgeTypes: undefined }, 2)
    expect(controller.cy.getElementById(stubElementId('hub')).empty()).toBe(true)
    expect(realNodeIds()).toEqual(['hub', 'n1', 'n2', 'n3', 'n4', 'n5'])

    controller.togglePin('n4')
    expect(controller.collapse('hub')).toBe(4)
    expect(realNodeIds()).toEqual(['hub', 'n4'])
    expect(controller.cy.getElementById('n4').locked()).toBe(true)
  })

  it('keeps a neighbour that another expansion also brought', () => {
    create()
    controller.load({ nodes: [node('a'), node('b')], edges: [] }, 'seed')
    controller.applyExpansion('a', page('a', ['shared', 'onlyA'], 0), { direction: 'both', edgeTypes: undefined }, 0)
    controller.applyExpansion('b', page('b', ['shared'], 0), { direction: 'both', edgeTypes: undefined }, 0)
    controller.collapse('a')
    expect(realNodeIds()).toEqual(['a', 'b', 'shared'])
  })

  it('hides by node and by type, including elements added later', () => {
    create()
    controller.load({ nodes: [node('a'), node('c', 'city')], edges: [edge('a', 'c', 'lives_in')] }, 'seed')
    controller.setTypeHidden('nodes', 'city', true)
    controller.load({ nodes: [node('d', 'city')], edges: [] }, 'seed')
    expect(controller.cy.nodes('.type-hidden').map((n) => n.id()).sort()).toEqual(['c', 'd'])
    controller.hide(['a'])
    expect(controller.summary().hidden).toBe(1)
    controller.showHidden()
    expect(controller.summary().hidden).toBe(0)
  })

  it('switches to the simple stylesheet past the large-graph threshold', () => {
    create()
    const nodes = Array.from({ length: LARGE_GRAPH_ELEMENTS + 1 }, (_, i) => node(`n${i}`))
    controller.load({ nodes, edges: [] }, 'seed')
    controller.load({ nodes: [node('x'), node('y')], edges: [edge('x', 'y')] }, 'seed')
    expect(controller.cy.getElementById(`\u0000e${nextEdge - 1}`).style('curve-style')).toBe('haystack')
    expect(controller.checkBudget(ELEMENT_BUDGET).ok).toBe(false)
    expect(controller.checkBudget(10).ok).toBe(true)
  })

  it('summarises the view and lists its node keys without the "+N more" stubs', () => {
    create()
    controller.load({ nodes: [node('a'), node('b', 'city')], edges: [edge('a', 'b')] }, 'seed')
    controller.applyExpansion('a', page('a', ['x'], 3), { direction: 'both', edgeTypes: undefined }, 0)
    controller.hide(['b'])
    expect(controller.summary()).toMatchObject({ nodes: 3, edges: 2, hidden: 1, nodeTypes: [{ type: 'city', count: 1 }, { type: 'person', count: 2 }], edgeTypes: [{ type: 'knows', count: 2 }] })
    expect(controller.nodeKeys().sort()).toEqual(['a', 'b', 'x'])
  })

  it('highlights a path with the class `path`, adding its missing nodes, and clears it', () => {
    create()
    controller.load({ nodes: [node('a'), node('d')], edges: [] }, 'seed')
    const e1 = edge('a', 'b')
    const e2 = edge('b', 'd')
    highlightPath(controller, { nodes: [node('a'), node('b'), node('d')], edges: [e1, e2] }, { nodes: ['a', 'b', 'd'], edges: [e1.id, e2.id] })
    expect(pathElementIds(controller.cy).length).toBe(5)
    expect(controller.cy.nodes('.faded').length).toBe(0)
    clearPath(controller.cy)
    expect(pathElementIds(controller.cy)).toEqual([])
  })

  it('captures a view state that parses back to the same nodes, positions, pins and hidden nodes', () => {
    create()
    controller.load({ nodes: [node('a'), node('b'), node('c')], edges: [] }, 'seed', new Map([['a', { x: 1.25, y: 2 }], ['b', { x: -3, y: 4 }], ['c', { x: 0, y: 0 }]]))
    controller.togglePin('b')
    controller.hide(['c'])
    const state = captureViewState(controller.cy, { layout: 'grid', hiddenTypes: ['city'] })
    const parsed = parseViewState(JSON.parse(JSON.stringify(state)))
    expect(parsed).toMatchObject({ keys: ['a', 'b', 'c'], pinned: ['b'], hidden: ['c'], hiddenTypes: ['city'], layout: 'grid' })
    expect(positionsByKey(parsed!).get('a')).toEqual({ x: 1.3, y: 2 })
    expect(parseViewState({ ...state, positions: [1] })).toBeNull()
    expect(parseViewState({ version: 2 })).toBeNull()
  })
})
