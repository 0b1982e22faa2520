import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { Expansion, GraphNode } from '../../src/shared/graph.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { stubElementId } from '../../src/renderer/features/graph/cy/ids.ts'

// A headless cytoscape: the real library, without a canvas.
let controller: GraphController
afterEach(() => controller?.cy.destroy())

const node = (key: string): GraphNode => ({ key, type: 'person', label: key })
let nextEdge = 1
const page = (key: string, neighbours: string[], omitted: number): Expansion => ({
  nodes: [node(key), ...neighbours.map(node)],
  edges: neighbours.map((n) => ({ id: nextEdge++, source: key, target: n, type: 'knows', weight: 1 })),
  total: neighbours.length + omitted,
  omitted,
})
const state = () => controller.cy.nodes().map((n) => `${n.id()}@${Math.round(n.position('x'))},${Math.round(n.position('y'))}:${n.classes().join('.')}`).sort()
const both = { direction: 'both' as const, edgeTypes: undefined }

describe('view history (Ctrl+Z)', () => {
  it('undoes a hide, a "+N more" page and an expansion in turn, back to the view as it was, bookkeeping included', () => {
    controller = createGraphController(cytoscape({ headless: true, styleEnabled: true }))
    controller.load({ nodes: [node('hub'), node('other')], edges: [] }, 'seed')
    controller.cy.getElementById('other').position({ x: 300, y: 0 })
    const opened = state()
    controller.applyExpansion('hub', page('hub', ['a', 'b'], 2), both, 0)
    const afterFirst = state()
    controller.applyExpansion('hub', page('hub', ['c', 'd'], 0), both, 2)
    controller.hide(['a'])
    expect(controller.cy.getElementById('a').hasClass('hidden')).toBe(true)

    expect(controller.undo()).toBe('hide')
    expect(controller.cy.getElementById('a').hasClass('hidden')).toBe(false)
    expect(controller.undo()).toBe('expansion')
    expect(state()).toEqual(afterFirst)
    expect(controller.expansionOf('hub')).toMatchObject({ loaded: 2, omitted: 2 })
    expect(controller.cy.getElementById(stubElementId('hub')).data('label')).toBe('+2 more')
    expect(controller.undo()).toBe('expansion')
    expect(state()).toEqual(opened)
    expect(controller.expansionOf('hub')).toBeUndefined()
    expect(controller.undo()).toBeNull()
  })

  it('places each page in free space and leaves every node already there where it was', () => {
    controller = createGraphController(cytoscape({ headless: true, styleEnabled: true }))
    controller.load({ nodes: [node('hub')], edges: [] }, 'seed')
    const boxes = () => controller.cy.nodes().map((n) => n.boundingBox({ includeLabels: false }))
    for (const [i, names] of [['a', 'b', 'c', 'd', 'e', 'f'], ['g', 'h', 'i', 'j', 'k', 'l']].entries()) {
      const before = new Map(controller.cy.nodes().map((n) => [n.id(), { ...n.position() }]))
      controller.applyExpansion('hub', page('hub', names, i === 0 ? 6 : 0), both, i * 6)
      for (const [id, position] of before) if (controller.cy.hasElementWithId(id)) expect(controller.cy.getElementById(id).position()).toEqual(position)
      const all = boxes()
      for (let p = 0; p < all.length; p++) {
        for (let q = p + 1; q < all.length; q++) {
          const a = all[p]!, b = all[q]!
          expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false)
        }
      }
    }
  })
})
