import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphNode } from '../../src/shared/graph.ts'
import { clearFocus, FOCUS_OUT, focusOn } from '../../src/renderer/features/graph/cy/focus.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { collapseGroup, groupByValue, listGroups } from '../../src/renderer/features/graph/cy/groups.ts'
import { stubElementId } from '../../src/renderer/features/graph/cy/ids.ts'
import { groupByRunLabel, groupNoun, runGroupNames } from '../../src/renderer/features/graph/run-groups.ts'

// A headless cytoscape: the real library, without a canvas.
let controller: GraphController
afterEach(() => controller?.cy.destroy())
const node = (key: string): GraphNode => ({ key, type: 't', label: key })
const keys = ['a', 'b', 'c', 'd', 'e', 'f']

function view(): GraphController {
  controller = createGraphController(cytoscape({ headless: true, styleEnabled: true }))
  let id = 1
  const edge = (source: string, target: string) => ({ id: id++, source, target, type: 'e', weight: 1 })
  controller.load({ nodes: keys.map(node), edges: [edge('a', 'b'), edge('b', 'c'), edge('d', 'e'), edge('e', 'f'), edge('c', 'd')] }, 'seed')
  return controller
}

const focusedOut = (c: GraphController) => c.cy.nodes(`.${FOCUS_OUT}`).map((n) => n.id()).sort()
const shownIds = (c: GraphController) => c.cy.nodes().filter((n) => n.style('display') !== 'none').map((n) => n.id()).sort()

describe('grouping by a community or component run', () => {
  // Community of a, b, c is 3; of d, e is 7; f has one of its own; g is not in view; x was not covered.
  const values: Record<string, [number, number]> = { a: [3, 1], b: [3, 1], c: [3, 1], d: [7, 2], e: [7, 2], f: [9, 3], g: [3, 1] }

  it('names each group by its number and its members in view, and leaves uncovered nodes out', () => {
    const names = runGroupNames(values, [...keys, 'x'], 'Community')
    expect(Object.fromEntries(names)).toEqual({ a: 'Community 3 (3)', b: 'Community 3 (3)', c: 'Community 3 (3)', d: 'Community 7 (2)', e: 'Community 7 (2)', f: 'Community 9 (1)' })
    expect(groupNoun({ algorithm: 'louvain' })).toBe('Community')
    expect(groupNoun({ algorithm: 'weakComponents' })).toBe('Component')
    expect(groupByRunLabel({ algorithm: 'louvain', label: 'Community · person', stale: false })).toBe('By community (Community · person)')
    expect(groupByRunLabel({ algorithm: 'strongComponents', label: 'Strong component', stale: true })).toBe('By component (Strong component, stale)')
  })

  it('makes compound nodes that collapse like the other groups', () => {
    const c = view()
    const names = runGroupNames(values, c.nodeKeys(), 'Community')
    groupByValue(c.cy, (key) => names.get(key) ?? null)
    // Largest first; a community of one node stays ungrouped.
    expect(listGroups(c.cy).map(({ label, members }) => [label, members])).toEqual([['Community 3 (3)', 3], ['Community 7 (2)', 2]])
    const [first] = listGroups(c.cy)
    collapseGroup(c.cy, first!.id)
    expect(listGroups(c.cy)[0]).toMatchObject({ label: 'Community 3 (3)', members: 3, collapsed: true })
    expect(c.cy.getElementById('a').empty()).toBe(true)
  })
})

describe('focus', () => {
  it('hides every node outside the focus with its edges and stubs, and clearing shows them again', () => {
    const c = view()
    c.applyExpansion('a', { nodes: [node('a'), node('z')], edges: [{ id: 99, source: 'a', target: 'z', type: 'e', weight: 1 }], total: 5, omitted: 4 }, { direction: 'both', edgeTypes: ['e'], group: 'e' }, 0)
    c.applyExpansion('f', { nodes: [node('f'), node('y')], edges: [{ id: 98, source: 'f', target: 'y', type: 'e', weight: 1 }], total: 3, omitted: 2 }, { direction: 'both', edgeTypes: ['e'], group: 'e' }, 0)
    expect(focusOn(c.cy, new Set(['a', 'b', 'c']))).toBe(3)
    expect(focusedOut(c)).toEqual(['d', 'e', 'f', stubElementId('f', 'e'), 'y', 'z'].sort())
    // The kept node's stub stays; an edge to a hidden node is not drawn.
    expect(shownIds(c)).toEqual(['a', 'b', 'c', stubElementId('a', 'e')].sort())
    expect(c.cy.edges().filter((edge) => edge.visible()).map((edge) => `${edge.data('source') as string}-${edge.data('target') as string}`).sort()).toEqual(['a-b', 'a-' + stubElementId('a', 'e'), 'b-c'].sort())
    clearFocus(c.cy)
    expect(focusedOut(c)).toEqual([])
    expect(shownIds(c)).toHaveLength(c.cy.nodes().length)
  })

  it('hides an open group whose members are all outside, and keeps a group with one member inside', () => {
    const c = view()
    groupByValue(c.cy, (key) => (key < 'd' ? 'left' : 'right'))
    focusOn(c.cy, new Set(['a', 'd']))
    const groups = listGroups(c.cy)
    expect(groups.map((g) => c.cy.getElementById(g.id).hasClass(FOCUS_OUT))).toEqual([false, false])
    focusOn(c.cy, new Set(['a', 'b']))
    const right = listGroups(c.cy).find((g) => g.label === 'right')!
    const left = listGroups(c.cy).find((g) => g.label === 'left')!
    expect(c.cy.getElementById(right.id).hasClass(FOCUS_OUT)).toBe(true)
    expect(c.cy.getElementById(left.id).hasClass(FOCUS_OUT)).toBe(false)
  })
})
