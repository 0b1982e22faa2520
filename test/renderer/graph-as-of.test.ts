import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { AsOfMany } from '../../src/shared/edit-selection.ts'
import { asOfOverlay, countDifferences, joinAsOf, outerKeys } from '../../src/renderer/features/graph/as-of/as-of-diff.ts'
import { ghostNodeId, showAsOf } from '../../src/renderer/features/graph/as-of/as-of-elements.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'

const state = (label: string) => ({ type: 'person', label, properties: {} })
const edge = (id: number, source: string, target: string, status: 'same' | 'changed' | 'gone' | 'added') => ({ id, source, target, type: 'knows', weight: 1, properties: {}, status })

// On screen: a (renamed since), b (same), c (added since). Gone since: d, once joined to a; the edge a-b was reweighted.
const answer: AsOfMany = {
  at: 1000,
  nodes: [
    { key: 'a', then: state('old a'), now: state('new a'), changes: [{ field: 'label', before: 'old a', after: 'new a' }] },
    { key: 'b', then: state('b'), now: state('b'), changes: [] },
    { key: 'c', then: null, now: state('c'), changes: [] },
  ],
  edges: [edge(1, 'a', 'b', 'changed'), edge(2, 'a', 'd', 'gone'), edge(3, 'b', 'c', 'added'), edge(4, 'b', 'x', 'same')],
}
const outer: AsOfMany = { at: 1000, nodes: [{ key: 'd', then: state('d'), now: null, changes: [] }], edges: [edge(2, 'a', 'd', 'gone')] }

let controller: GraphController | undefined
afterEach(() => controller?.cy.destroy())

describe('the graph view as of a past time', () => {
  it('asks about the far ends of gone edges only, and marks every item by how it differs from now', () => {
    expect(outerKeys(answer, new Set(['a', 'b', 'c']))).toEqual(['d'])
    const overlay = asOfOverlay(['a', 'b', 'c'], answer, outer)
    expect(overlay.nodes.map((n) => [n.key, n.label, n.status, n.near])).toEqual([
      ['a', 'old a', 'changed', null], ['b', 'b', 'same', null], ['c', 'c', 'added', null], ['d', 'd', 'removed', 'a'],
    ])
    // The edge to x (not on screen, not gone) is left out.
    expect(overlay.edges.map((e) => [e.id, e.status])).toEqual([[1, 'changed'], [2, 'removed'], [3, 'added']])
    expect(countDifferences(overlay)).toEqual({ changed: 2, added: 2, removed: 2 })
  })

  it('joins the answers for parts of a large view: nodes in the order asked, an edge between two parts once', () => {
    const first: AsOfMany = { at: 1000, nodes: answer.nodes.slice(0, 2), edges: answer.edges.filter((e) => e.source !== 'c' && e.target !== 'c') }
    const second: AsOfMany = { at: 1000, nodes: answer.nodes.slice(2), edges: answer.edges.filter((e) => e.source === 'c' || e.target === 'c' || e.id === 4) }
    const joined = joinAsOf(1000, [first, second])
    expect(joined.nodes.map((n) => n.key)).toEqual(['a', 'b', 'c'])
    expect(joined.edges.map((e) => e.id).sort()).toEqual([1, 2, 3, 4])
    expect(asOfOverlay(['a', 'b', 'c'], joined, outer)).toEqual(asOfOverlay(['a', 'b', 'c'], answer, outer))
  })

  it('a neighbour gone since but still in the store elsewhere is no ghost', () => {
    const stillThere: AsOfMany = { at: 1000, nodes: [{ key: 'd', then: state('d'), now: state('d'), changes: [] }], edges: [] }
    expect(asOfOverlay(['a', 'b', 'c'], answer, stillThere).nodes.map((n) => n.key)).toEqual(['a', 'b', 'c'])
  })

  it('draws the overlay on the view and takes it off again, leaving the view as it was', () => {
    controller = createGraphController(cytoscape({ headless: true, styleEnabled: true }))
    const node = (key: string) => ({ key, type: 'person', label: key === 'a' ? 'new a' : key })
    controller.load({ nodes: ['a', 'b', 'c'].map(node), edges: [{ id: 1, source: 'a', target: 'b', type: 'knows', weight: 1 }, { id: 3, source: 'b', target: 'c', type: 'knows', weight: 1 }] }, 'seed')
    const { cy } = controller
    const before = JSON.stringify(cy.elements().map((element) => [element.id(), element.classes(), element.data('label')]))
    const summary = controller.summary()
    const restore = showAsOf(cy, asOfOverlay(['a', 'b', 'c'], answer, outer))
    expect(cy.getElementById('a').data('label')).toBe('old a')
    expect(cy.getElementById('a').hasClass('asof-changed')).toBe(true)
    expect(cy.getElementById('c').hasClass('asof-added')).toBe(true)
    expect(cy.getElementById(ghostNodeId('d')).hasClass('asof-removed')).toBe(true)
    expect(cy.edges('.asof-removed').map((e) => [e.source().id(), e.target().id()])).toEqual([['a', ghostNodeId('d')]])
    expect(controller.summary()).toEqual(summary)
    expect(controller.nodeKeys()).toEqual(['a', 'b', 'c'])
    restore()
    expect(JSON.stringify(cy.elements().map((element) => [element.id(), element.classes(), element.data('label')]))).toBe(before)
  })
})
