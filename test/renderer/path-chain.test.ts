import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphEdge, GraphNode } from '../../src/shared/graph.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { clearPath, highlightPath } from '../../src/renderer/features/graph/cy/path-highlight.ts'

let controller: GraphController
afterEach(() => controller?.cy.destroy())
const create = () => (controller = createGraphController(cytoscape({ headless: true, styleEnabled: true })))
const node = (key: string): GraphNode => ({ key, type: 'person', label: key })
const edge = (id: number, source: string, target: string): GraphEdge => ({ id, source, target, type: 'knows', weight: 1 })
const xOf = (key: string) => controller.cy.getElementById(key).position('x')
const yOf = (key: string) => controller.cy.getElementById(key).position('y')

describe('a path laid out as a chain', () => {
  it('puts the path left to right in path order, clears a band around it, and puts everything back on clear', () => {
    create()
    // The middle node starts on top of both ends, as the old straight-line placement drew it.
    const start = new Map([['a', { x: 0, y: 0 }], ['b', { x: 0, y: 0 }], ['c', { x: 5, y: 1 }], ['near', { x: 10, y: 20 }], ['above', { x: 0, y: -200 }], ['pinned', { x: 3, y: 3 }]])
    controller.load({ nodes: ['a', 'b', 'c', 'near', 'above', 'pinned'].map(node), edges: [] }, 'seed', start)
    controller.togglePin('pinned')
    const subgraph = { nodes: ['c', 'b', 'a', 'x'].map(node), edges: [edge(1, 'b', 'c'), edge(2, 'a', 'b'), edge(3, 'x', 'a')] }
    highlightPath(controller, subgraph, { nodes: ['c', 'b', 'a', 'x'], edges: [1, 2, 3] })
    const xs = ['c', 'b', 'a', 'x'].map(xOf)
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(114)
    expect(new Set(['c', 'b', 'a', 'x'].map(yOf)).size).toBe(1)
    const chainY = yOf('a')
    expect(Math.abs(yOf('near') - chainY)).toBeGreaterThanOrEqual(70)
    expect(yOf('above')).toBeLessThan(-200)
    expect(controller.cy.getElementById('pinned').position()).toEqual({ x: 3, y: 3 })
    expect(controller.cy.getElementById('near').hasClass('faded')).toBe(true)
    // Another path of the same answer: the previous chain is undone first, so positions do not drift.
    highlightPath(controller, subgraph, { nodes: ['c', 'b', 'a'], edges: [1, 2] })
    expect(yOf('above')).toBeLessThan(-200)
    expect(yOf('above')).toBeGreaterThan(-300)
    clearPath(controller.cy)
    for (const [key, position] of start) if (key !== 'x') expect(controller.cy.getElementById(key).position()).toEqual(position)
  })
})
