import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphEdge, GraphNode } from '../../src/shared/graph.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { placeNewNodes } from '../../src/renderer/features/graph/cy/place-new-nodes.ts'

// Where an expansion's new nodes go: a headless cytoscape (the real library, without a canvas).
let controller: GraphController
afterEach(() => controller?.cy.destroy())
const node = (key: string): GraphNode => ({ key, type: 'person', label: key.toUpperCase() })
let nextEdge = 1
const edge = (source: string, target: string): GraphEdge => ({ id: nextEdge++, source, target, type: 'knows', weight: 1 })

/** `hub` at the origin with its placed neighbours; then `count` new neighbours loaded and placed around it. */
function expand(placed: Record<string, { x: number; y: number }>, count: number): { x: number; y: number }[] {
  controller = createGraphController(cytoscape({ headless: true, styleEnabled: true }))
  const old = Object.keys(placed)
  controller.load({ nodes: ['hub', ...old].map(node), edges: old.map((key) => edge('hub', key)) }, 'seed')
  controller.cy.getElementById('hub').position({ x: 0, y: 0 })
  for (const key of old) controller.cy.getElementById(key).position(placed[key]!)
  const fresh = Array.from({ length: count }, (_, i) => `new${i}`)
  controller.load({ nodes: [node('hub'), ...fresh.map(node)], edges: fresh.map((key) => edge('hub', key)) }, 'seed')
  placeNewNodes(controller.cy, 'hub', fresh)
  return fresh.map((key) => ({ ...controller.cy.getElementById(key).position() }))
}

/** Degrees between the way from the hub to `p` and the direction `towards`. */
const angleTo = (p: { x: number; y: number }, towards: number) => {
  const difference = Math.atan2(p.y, p.x) - towards
  return (Math.abs(Math.atan2(Math.sin(difference), Math.cos(difference))) * 180) / Math.PI
}

describe('placing an expansion', () => {
  it('turns the new neighbours of a node at the edge of the graph away from the graph', () => {
    // The hub hangs off the graph to its left: nothing new may go back over it.
    const placed = expand({ parent: { x: -250, y: 0 }, above: { x: -240, y: -70 }, below: { x: -240, y: 70 } }, 24)
    // Placed within 120° either side of the way out (so at least 60° from the way back); the relaxation
    // nudges crowded ones some degrees further. On full rings, 5 of 24 went within 35° of the way back.
    const backwards = placed.filter((p) => angleTo(p, Math.PI) < 35)
    expect(backwards).toEqual([])
    expect(placed.filter((p) => p.x > 0).length).toBeGreaterThan(placed.length / 2)
  })

  it('uses the whole ring around a node its placed neighbours surround', () => {
    const placed = expand({ left: { x: -250, y: 0 }, right: { x: 250, y: 0 } }, 24)
    expect(placed.some((p) => angleTo(p, Math.PI) < 45)).toBe(true)
    expect(placed.some((p) => angleTo(p, 0) < 45)).toBe(true)
  })
})
