import type { Core, NodeSingular } from 'cytoscape'
import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force'
import { freeSlotsAround, type Facing, type Point, type Rect } from './free-slots.ts'
import { labelBox } from './label-boxes.ts'
import { labelsChanged } from './labels.ts'
import { LABEL_ROOM_NODES, NODE_GAP, separateNodes } from './separate-nodes.ts'

const RELAX_TICKS = 30
const UNTANGLE_TICKS = 100
const UNTANGLE_CHARGE = 200
// A placed node's own new neighbours go within this angle either side of the way out from its parent.
const FAN_SPREAD = Math.PI / 2
// An expanded node whose placed neighbours' unit directions average at least this long lies at the graph's
// edge: its new neighbours go within EXPAND_SPREAD either side of the way out, not back over the graph.
const ONE_SIDED = 0.5
const EXPAND_SPREAD = (2 * Math.PI) / 3

/** A node's box, with its label when the view is small enough to keep room for labels. */
function boxOf(node: NodeSingular, withLabel: boolean, at = node.position()): Rect {
  const w = node.width() / 2, h = node.height() / 2
  const box = { x1: at.x - w, x2: at.x + w, y1: at.y - h, y2: at.y + h }
  const label = withLabel ? labelBox(node, 1) : null
  if (!label) return box
  const dx = at.x - node.position('x'), dy = at.y - node.position('y')
  return { x1: Math.min(box.x1, label.x1 + dx), x2: Math.max(box.x2, label.x2 + dx), y1: box.y1, y2: Math.max(box.y2, label.y2 + dy) }
}

/**
 * A relaxation of the new nodes only: links pull them toward what they connect to, collision keeps
 * them apart; every other node is fixed (d3-force's fx/fy). `untangle` (nodes placed in several
 * waves) adds repulsion and runs longer: measured on random 150-node trees, the edges crossing each
 * other fell from a median of ~120 to ~5, for edges ~25% longer.
 */
function relax(cy: Core, fresh: Set<string>, spacing: number, untangle: boolean): void {
  const ids: string[] = []
  const data: SimulationNodeDatum[] = []
  const index = new Map<string, number>()
  const include = (node: NodeSingular) => {
    if (index.has(node.id())) return
    const { x, y } = node.position()
    index.set(node.id(), ids.length)
    ids.push(node.id())
    data.push(fresh.has(node.id()) ? { x, y } : { x, y, fx: x, fy: y })
  }
  for (const id of fresh) {
    const node = cy.getElementById(id) as NodeSingular
    include(node)
    node.neighborhood('node').forEach((other) => include(other as NodeSingular))
  }
  const links: { source: number; target: number }[] = []
  cy.edges().forEach((edge) => {
    const s = index.get(edge.data('source') as string), t = index.get(edge.data('target') as string)
    if (s !== undefined && t !== undefined && (fresh.has(ids[s]!) || fresh.has(ids[t]!))) links.push({ source: s, target: t })
  })
  const simulation = forceSimulation(data).stop().alpha(untangle ? 1 : 0.3)
    .force('link', forceLink(links).distance(spacing * 2).strength(0.3))
    .force('collide', forceCollide(spacing / 2))
  // Subtrees pushing each other apart is what undoes a fan laid across another's edges.
  if (untangle) simulation.force('charge', forceManyBody().strength(-UNTANGLE_CHARGE).distanceMax(spacing * 8))
  simulation.tick(untangle ? UNTANGLE_TICKS : RELAX_TICKS)
  cy.batch(() => data.forEach((node, i) => fresh.has(ids[i]!) && cy.getElementById(ids[i]!).position({ x: node.x as number, y: node.y as number })))
}

/**
 * Places nodes just added (`freshIds`) around `centreKey` in free space, without moving any node that
 * was there before: free slots on rings around the centre (turned away from the neighbours it already
 * has on screen when they lie mostly to one side), a short relaxation of the new nodes, then box
 * separation with every older node fixed.
 */
export function placeNewNodes(cy: Core, centreKey: string, freshIds: string[]): void {
  placeInWaves(cy, [[[centreKey, freshIds]]])
}

/**
 * The way out from `centre`: opposite the mean direction to its neighbours already placed, when they
 * lie mostly to one side (a node hanging off the graph); null when they surround it or there are none.
 */
function awayFromPlaced(centre: NodeSingular, fresh: Set<string>): Facing | null {
  const at = centre.position()
  let x = 0, y = 0, count = 0
  centre.neighborhood('node').forEach((other) => {
    if (fresh.has(other.id())) return
    const dx = other.position('x') - at.x, dy = other.position('y') - at.y
    const length = Math.hypot(dx, dy)
    if (length === 0) return
    x += dx / length
    y += dy / length
    count++
  })
  if (count === 0 || Math.hypot(x, y) / count < ONE_SIDED) return null
  return { angle: Math.atan2(-y, -x), spread: EXPAND_SPREAD }
}

/** New nodes to place around a node already placed: [its key, the new nodes' ids]. */
export type PlacementGroup = [centreKey: string, freshIds: string[]]

/**
 * placeNewNodes for nodes reached in steps (a neighbourhood to depth k): each wave's groups are placed
 * around their centres, which are placed before them (older nodes, or new ones of an earlier wave), as
 * successive expansions would, a new centre's group fanned out away from where it hangs; then one
 * relaxation that untangles the subtrees and one separation of all the new nodes.
 */
export function placeInWaves(cy: Core, waves: PlacementGroup[][]): void {
  const fresh = new Set(waves.flatMap((wave) => wave.flatMap(([, ids]) => ids)))
  if (fresh.size === 0) return
  const withLabels = cy.nodes().length <= LABEL_ROOM_NODES
  const occupied: Rect[] = []
  cy.nodes().forEach((node) => {
    if (!fresh.has(node.id())) occupied.push(boxOf(node as NodeSingular, withLabels))
  })
  // Where each new node was placed from: its own children then fan out away from there.
  const placedFrom = new Map<string, Point>()
  for (const wave of waves) {
    for (const [centreKey, freshIds] of wave) {
      if (freshIds.length === 0) continue
      const centreNode = cy.getElementById(centreKey) as NodeSingular
      const centre = centreNode.nonempty() ? { ...centreNode.position() } : { x: 0, y: 0 }
      const from = placedFrom.get(centreKey)
      const facing = from ? { angle: Math.atan2(centre.y - from.y, centre.x - from.x), spread: FAN_SPREAD } : centreNode.nonempty() ? awayFromPlaced(centreNode, fresh) : null
      const nodes = freshIds.map((id) => cy.getElementById(id) as NodeSingular)
      const sizes = nodes.map((node) => {
        const box = boxOf(node, withLabels, { x: 0, y: 0 })
        return { width: 2 * Math.max(-box.x1, box.x2), height: 2 * Math.max(-box.y1, box.y2) }
      })
      const firstRadius = centreNode.nonempty() ? Math.max(centreNode.width(), 18) + 40 : 0
      const slots = freeSlotsAround(centre, sizes, occupied, NODE_GAP, firstRadius, facing ?? undefined)
      cy.batch(() => nodes.forEach((node, i) => node.position(slots[i]!)))
      for (const id of freshIds) placedFrom.set(id, centre)
      for (const node of nodes) occupied.push(boxOf(node, withLabels))
    }
  }
  relax(cy, fresh, withLabels ? 48 : 28, waves.length > 1)
  separateNodes(cy, { fixed: (node) => !fresh.has(node.id()), labelRoom: withLabels })
  labelsChanged(cy)
}
