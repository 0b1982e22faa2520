import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphEdge, GraphNode } from '../../src/shared/graph.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { collapseGroup, expandGroup, groupByValue, listGroups, restoreGroups } from '../../src/renderer/features/graph/cy/groups.ts'
import { runLayout } from '../../src/renderer/features/graph/cy/layouts.ts'
import { captureViewState, parseViewState } from '../../src/renderer/features/graph/cy/view-state.ts'

let controller: GraphController
afterEach(() => controller?.cy.destroy())
const create = () => (controller = createGraphController(cytoscape({ headless: true, styleEnabled: true })))
const node = (key: string, type: string): GraphNode => ({ key, type, label: key })
let id = 1
const edge = (source: string, target: string, type = 'knows'): GraphEdge => ({ id: id++, source, target, type, weight: 1 })
const byType = (c: GraphController) => groupByValue(c.cy, (key) => c.cy.getElementById(key).data('type') as string)
// Three people who know each other, two cities; two people live in c1, one in c2.
const graph = () => ({
  nodes: [node('p1', 'person'), node('p2', 'person'), node('p3', 'person'), node('c1', 'city'), node('c2', 'city')],
  edges: [edge('p1', 'p2'), edge('p2', 'p3'), edge('p1', 'c1', 'lives_in'), edge('p2', 'c1', 'lives_in'), edge('p3', 'c2', 'lives_in')],
})

describe('groups in the view', () => {
  it('groups by type, collapses into one node with counts and merged edges, and expands back to the same elements', () => {
    create()
    controller.load(graph(), 'seed')
    const before = controller.cy.elements().map((element) => element.id()).sort()
    byType(controller)
    expect(listGroups(controller.cy).map((g) => [g.label, g.members])).toEqual([['person', 3], ['city', 2]])
    expect(controller.summary()).toMatchObject({ nodes: 5, edges: 5 })
    const people = listGroups(controller.cy)[0]!.id
    collapseGroup(controller.cy, people)
    const group = controller.cy.getElementById(people)
    expect(group.data('label')).toBe('person\n3 nodes · 2 edges inside')
    expect(controller.cy.getElementById('p1').empty()).toBe(true)
    // Edges to the outside: one merged edge per outside node and type, with its count.
    const merged = controller.cy.edges('.group-edge').map((e) => [e.source().id() === people, e.target().id(), e.data('count')])
    expect(merged.sort()).toEqual([[true, 'c1', 2], [true, 'c2', 1]])
    expect(listGroups(controller.cy)[0]).toMatchObject({ members: 3, collapsed: true })
    // Both collapsed: one edge between the two group nodes, counting all three.
    const cities = listGroups(controller.cy)[1]!.id
    collapseGroup(controller.cy, cities)
    expect(controller.cy.edges('.group-edge').map((e) => e.data('count'))).toEqual([3])
    expandGroup(controller.cy, people)
    expandGroup(controller.cy, cities)
    expect(controller.cy.edges('.group-edge').length).toBe(0)
    expect(controller.cy.elements().not('.group').map((element) => element.id()).sort()).toEqual(before)
    expect(controller.cy.getElementById('p1').parent().first().id()).toBe(people)
  })

  it('saves groups with the view (collapsed members included) and rebuilds them; old views load without groups', () => {
    create()
    controller.load(graph(), 'seed')
    byType(controller)
    collapseGroup(controller.cy, listGroups(controller.cy)[0]!.id)
    const state = parseViewState(JSON.parse(JSON.stringify(captureViewState(controller.cy, { layout: 'grid', hiddenTypes: [] }))))!
    expect(state.keys.sort()).toEqual(['c1', 'c2', 'p1', 'p2', 'p3'])
    expect(state.groups).toEqual([{ label: 'person', members: ['p1', 'p2', 'p3'], collapsed: true }, { label: 'city', members: ['c1', 'c2'], collapsed: false }])
    controller.cy.destroy()
    create()
    controller.load(graph(), 'seed')
    restoreGroups(controller.cy, state.groups)
    expect(listGroups(controller.cy).map((g) => [g.label, g.members, g.collapsed])).toEqual([['person', 3, true], ['city', 2, false]])
    const { groups, ...old } = state
    expect(groups).toHaveLength(2)
    expect(parseViewState(old)?.groups).toEqual([])
  })

  it('lays out open groups so that group boxes do not overlap, for every layout', async () => {
    for (const name of ['force', 'fcose', 'concentric', 'breadthfirst', 'grid', 'circle'] as const) {
      create()
      controller.load(graph(), 'seed')
      byType(controller)
      await runLayout(controller.cy, name, () => {}).finished
      const [a, b] = controller.cy.nodes('.group').map((g) => g.boundingBox())
      const overlap = a!.x1 < b!.x2 && b!.x1 < a!.x2 && a!.y1 < b!.y2 && b!.y1 < a!.y2
      expect(overlap, name).toBe(false)
      controller.cy.destroy()
    }
  })
})
