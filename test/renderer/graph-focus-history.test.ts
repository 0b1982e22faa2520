import cytoscape from 'cytoscape'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphEdge, GraphNode, Subgraph } from '../../src/shared/graph.ts'
import { FOCUS_OUT } from '../../src/renderer/features/graph/cy/focus.ts'
import { createGraphController, type GraphController } from '../../src/renderer/features/graph/cy/graph-controller.ts'
import { neighbourhoodWaves } from '../../src/renderer/features/graph/cy/neighbourhood-waves.ts'
import { placeNewNodes } from '../../src/renderer/features/graph/cy/place-new-nodes.ts'
import { createViewHistory } from '../../src/renderer/features/graph/cy/view-history.ts'
import { captureViewState, parseViewState } from '../../src/renderer/features/graph/cy/view-state.ts'
import { showSubgraph } from '../../src/renderer/features/graph/use-graph-loader.ts'
import { seededRandom } from '../helpers/seeded-random.ts'

// Issue 15's focus filters as view changes: undone and redone, laid out, saved with a view.
// A headless cytoscape: the real library, without a canvas.
let controller: GraphController
afterEach(() => controller?.cy.destroy())
const create = () => (controller = createGraphController(cytoscape({ headless: true, styleEnabled: true })))
const node = (key: string): GraphNode => ({ key, type: 'person', label: key.toUpperCase() })
let nextEdge = 1
const edge = (source: string, target: string): GraphEdge => ({ id: nextEdge++, source, target, type: 'knows', weight: 1 })

/** The view as the user sees it: every node with its position and classes. */
const state = () => controller.cy.nodes().map((n) => `${n.id()}@${n.position('x').toFixed(1)},${n.position('y').toFixed(1)}:${n.classes().sort().join('.')}`).sort()
const focusedOut = () => controller.cy.nodes(`.${FOCUS_OUT}`).map((n) => n.id()).sort()
const positions = () => new Map(controller.cy.nodes().map((n) => [n.id(), { ...n.position() }]))

/** a–b–c–d–e in view, spread out; the store knows a's further neighbours n1..n4 and n1's m1..m3. */
function openChain(): Subgraph {
  create()
  const chain = ['a', 'b', 'c', 'd', 'e']
  controller.load({ nodes: chain.map(node), edges: chain.slice(1).map((key, i) => edge(chain[i]!, key)) }, 'seed')
  chain.forEach((key, i) => controller.cy.getElementById(key).position({ x: i * 200, y: 0 }))
  const loaded = ['n1', 'n2', 'n3', 'n4', 'm1', 'm2', 'm3']
  return {
    nodes: ['a', 'b', ...loaded].map(node),
    edges: [edge('a', 'b'), ...['n1', 'n2', 'n3', 'n4'].map((n) => edge('a', n)), ...['m1', 'm2', 'm3'].map((m) => edge('n1', m))],
  }
}
const egoKeys = (subgraph: Subgraph) => new Set(subgraph.nodes.map((n) => n.key))

type Point = { x: number; y: number }
const turn = (a: Point, b: Point, c: Point) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x))
/** Pairs of edges, drawn as straight lines, that cross (edges sharing an end do not count). */
function crossings(edges: GraphEdge[]): number {
  const at = (key: string) => controller.cy.getElementById(key).position()
  let crossing = 0
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const e = edges[i]!, f = edges[j]!
      if (new Set([e.source, e.target, f.source, f.target]).size < 4) continue
      const [a, b, c, d] = [at(e.source), at(e.target), at(f.source), at(f.target)]
      if (turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0) crossing++
    }
  }
  return crossing
}

describe('focus as a view change', () => {
  it('one undo takes a neighbourhood focus away with the nodes it loaded; redo brings both back where they were', () => {
    const ego = openChain()
    const opened = state()
    const before = positions()
    const focus = controller.applyFocus(egoKeys(ego), 'neighbourhood of a to depth 2', { load: { subgraph: ego, around: 'a' } })
    expect(focus).toMatchObject({ description: 'neighbourhood of a to depth 2', shown: 9 })
    expect(controller.summary().focus?.keys.sort()).toEqual([...egoKeys(ego)].sort())
    expect(focusedOut()).toEqual(['c', 'd', 'e'])
    expect(controller.nodeKeys()).toHaveLength(12)
    // Nodes already on screen do not move.
    for (const [id, position] of before) expect(controller.cy.getElementById(id).position()).toEqual(position)
    const focused = state()

    expect(controller.peekUndo()?.label).toBe('focus')
    expect(controller.undo()).toBe('focus')
    expect(state()).toEqual(opened)
    expect(controller.summary().focus).toBeNull()
    expect(controller.peekRedo()?.label).toBe('focus')

    expect(controller.redo()).toBe('focus')
    expect(state()).toEqual(focused)
    expect(controller.summary().focus?.description).toBe('neighbourhood of a to depth 2')
    expect(controller.peekRedo()).toBeNull()
  })

  it('clearing is a view change too; a new change forgets what was undone', () => {
    const ego = openChain()
    controller.applyFocus(new Set(['a', 'b']), '2-core (k-core)')
    const focused = state()
    controller.clearFocus()
    expect(focusedOut()).toEqual([])
    expect(controller.focus()).toBeNull()
    expect(controller.undo()).toBe('clear focus')
    expect(state()).toEqual(focused)
    expect(controller.focus()?.description).toBe('2-core (k-core)')
    expect(controller.redo()).toBe('clear focus')
    expect(focusedOut()).toEqual([])
    controller.undo()
    controller.applyFocus(egoKeys(ego), 'neighbourhood of a', { load: { subgraph: ego, around: 'a' } })
    expect(controller.peekRedo()).toBeNull()
    // Clearing no focus records nothing.
    controller.clearFocus()
    const undoes = controller.peekUndo()
    controller.clearFocus()
    expect(controller.peekUndo()).toEqual(undoes)
  })

  it('the history keeps both stacks bounded, and redo times are when the change was undone', () => {
    let value = 0
    const history = createViewHistory(() => {
      const kept = value
      return () => (value = kept)
    }, 3)
    for (let i = 1; i <= 5; i++) {
      history.record(`set ${i}`)
      value = i
    }
    expect(history.size).toBe(3)
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual(['set 5', 'set 4', 'set 3', null])
    expect(value).toBe(2)
    const undoneAt = history.peekRedo()!.at
    expect(undoneAt).toBeLessThanOrEqual(Date.now())
    expect([history.redo(), history.redo()]).toEqual(['set 3', 'set 4'])
    expect(value).toBe(4)
    history.record('set 9')
    expect(history.peekRedo()).toBeNull()
  })
})

describe('placing a loaded neighbourhood', () => {
  it('orders the new nodes breadth-first, each under the node it was reached from', () => {
    const edges = [edge('c', 'x1'), edge('x2', 'c'), edge('x1', 'y1'), edge('old', 'y2'), edge('c', 'old'), edge('y1', 'z')]
    expect(neighbourhoodWaves('c', edges, new Set(['x1', 'x2', 'y1', 'y2', 'z', 'lonely']))).toEqual([
      [['c', ['x1', 'x2']]],
      [['x1', ['y1']], ['old', ['y2']]],
      [['y1', ['z']]],
      [['c', ['lonely']]],
    ])
  })

  it('lays a depth-3 neighbourhood out as successive expansions: nothing overlaps, nothing old moves, edges shorter than one ring around the centre, few crossings', () => {
    const random = seededRandom('focus placement')
    // A random tree of 150 new nodes under a centre that sits among 20 nodes already in view.
    const old = Array.from({ length: 20 }, (_, i) => `old${i}`)
    const fresh = Array.from({ length: 150 }, (_, i) => `n${i}`)
    const treeEdges = fresh.map((key, i) => edge(i < 6 ? 'old0' : fresh[Math.floor(random.next() * Math.min(i, 40))]!, key))
    const build = () => {
      create()
      controller.load({ nodes: old.map(node), edges: old.slice(1).map((key) => edge('old0', key)) }, 'seed')
      old.forEach((key, i) => controller.cy.getElementById(key).position(i === 0 ? { x: 0, y: 0 } : { x: 300 * Math.cos(i), y: 300 * Math.sin(i) }))
      return positions()
    }
    const meanLength = () => {
      const lengths = treeEdges.map((e) => {
        const s = controller.cy.getElementById(e.source).position(), t = controller.cy.getElementById(e.target).position()
        return Math.hypot(s.x - t.x, s.y - t.y)
      })
      return lengths.reduce((sum, length) => sum + length, 0) / lengths.length
    }
    const subgraph = { nodes: [node('old0'), ...fresh.map(node)], edges: treeEdges }

    const before = build()
    controller.load(subgraph, 'seed')
    placeNewNodes(controller.cy, 'old0', fresh)
    const oneRing = meanLength()
    controller.cy.destroy()

    build()
    const started = performance.now()
    controller.applyFocus(egoKeys(subgraph), 'neighbourhood of old0 to depth 3', { load: { subgraph, around: 'old0' } })
    const took = performance.now() - started
    const waves = meanLength()
    const crossing = crossings(treeEdges)
    console.log(`[focus placement] mean new-edge length: in waves ${waves.toFixed(0)}, one ring around the centre ${oneRing.toFixed(0)}; ${crossing} crossings; placed 150 in ${took.toFixed(0)} ms`)
    expect(waves).toBeLessThan(oneRing)
    // Children fanned out away from their parent, subtrees pushed apart: over 120 random trees at most 26
    // crossings (median 6); placed on full rings around each parent and barely relaxed, 73 to 187.
    expect(crossing).toBeLessThanOrEqual(45)
    for (const [id, position] of before) expect(controller.cy.getElementById(id).position()).toEqual(position)
    // From positions and sizes: headless cytoscape's cached bounding boxes lag behind position changes.
    const boxes = controller.cy.nodes().map((n) => ({ x1: n.position('x') - n.width() / 2, x2: n.position('x') + n.width() / 2, y1: n.position('y') - n.height() / 2, y2: n.position('y') + n.height() / 2 }))
    let overlapping = 0
    for (let p = 0; p < boxes.length; p++) {
      for (let q = p + 1; q < boxes.length; q++) {
        const a = boxes[p]!, b = boxes[q]!
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping++
      }
    }
    expect(overlapping).toBe(0)
  })
})

describe('a focus saved with a view', () => {
  it('is kept in the saved state and comes back when the view opens, as where the view starts (nothing to undo)', () => {
    openChain()
    controller.applyFocus(new Set(['b', 'c']), 'largest component (Weak component 1, 2 nodes in the store)')
    // Expanded while focused: shown, so saved as part of the focus.
    controller.applyExpansion('c', { nodes: [node('c'), node('x')], edges: [edge('c', 'x')], total: 1, omitted: 0 }, { direction: 'both', edgeTypes: undefined }, 0)
    expect(controller.summary().focus?.shown).toBe(3)
    const saved = parseViewState(JSON.parse(JSON.stringify(captureViewState(controller.cy, { layout: 'preset', hiddenTypes: [], focus: controller.focus() }))))
    expect(saved?.focus).toEqual({ description: 'largest component (Weak component 1, 2 nodes in the store)', keys: ['b', 'c', 'x'] })
    const subgraph = { nodes: ['a', 'b', 'c', 'd', 'e', 'x'].map(node), edges: [], missing: [] }
    controller.cy.destroy()
    create()
    showSubgraph(controller, subgraph, saved)
    expect(focusedOut()).toEqual(['a', 'd', 'e'])
    expect(controller.summary().focus).toMatchObject({ description: 'largest component (Weak component 1, 2 nodes in the store)', shown: 3 })
    expect(controller.peekUndo()).toBeNull()
  })

  it('an old view without a focus still opens, unfocused', () => {
    const old = { version: 1, keys: ['a', 'b'], positions: [0, 0, 100, 0], pinned: [], hidden: [], hiddenTypes: [], layout: 'preset', webgl: false, groups: [] }
    const saved = parseViewState(old)
    expect(saved?.focus).toBeNull()
    create()
    showSubgraph(controller, { nodes: [node('a'), node('b')], edges: [], missing: [] }, saved)
    expect(controller.focus()).toBeNull()
    expect(focusedOut()).toEqual([])
  })
})
