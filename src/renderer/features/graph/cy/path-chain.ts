import type { Core, NodeSingular } from 'cytoscape'
import type { Point } from './to-elements.ts'

/** Room between two nodes of the chain for a path node's label (at most 104 px wide, see style.ts). */
const MIN_SPACING = 114
const MAX_SPACING = 170
/** Room at the window's sides for the ends' labels. */
const SIDE_ROOM = 160
/** Half the height of the band kept free around the chain. */
const CORRIDOR = 70
const MAX_FIT_ZOOM = 1.5
const SAVED = 'graphkeep-path-chain'

function place(node: NodeSingular, position: Point): void {
  const locked = node.locked()
  if (locked) node.unlock()
  node.position(position)
  if (locked) node.lock()
}

/** Puts back the nodes the last chain moved (those still in view). */
export function restorePathChain(cy: Core): void {
  const saved = cy.scratch(SAVED) as Map<string, Point> | undefined
  if (!saved) return
  cy.removeScratch(SAVED)
  cy.batch(() => {
    for (const [key, position] of saved) {
      const node = cy.getElementById(key)
      if (node.nonempty()) place(node, position)
    }
  })
}

/**
 * Lays a path out as a row from left to right, in path order, centred where its nodes were; every
 * other node moves out of a band around the row (up if it was above, down if below), so nothing sits
 * on the chain and each half of the view keeps its shape. The old positions are kept for restorePathChain.
 */
export function layoutPathChain(cy: Core, keys: string[]): void {
  restorePathChain(cy)
  const nodes = keys.map((key) => cy.getElementById(key)).filter((node) => node.nonempty())
  if (nodes.length === 0) return
  const centre = nodes.reduce((sum, node) => ({ x: sum.x + node.position('x') / nodes.length, y: sum.y + node.position('y') / nodes.length }), { x: 0, y: 0 })
  // As wide as the window allows at zoom 1, so that the labels stay readable once fitted.
  const spacing = Math.max(MIN_SPACING, Math.min(MAX_SPACING, (cy.width() - SIDE_ROOM) / Math.max(nodes.length - 1, 1)))
  const left = centre.x - ((nodes.length - 1) * spacing) / 2
  const onPath = new Set(keys)
  const saved = new Map<string, Point>()
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      // Compound parents follow their members; pinned nodes stay where the analyst put them.
      if (onPath.has(node.id()) || node.isParent() || node.locked()) return
      const { x, y } = node.position()
      saved.set(node.id(), { x, y })
      node.position({ x, y: y < centre.y ? y - CORRIDOR : y + CORRIDOR })
    })
    nodes.forEach((node, i) => {
      saved.set(node.id(), { ...node.position() })
      place(node, { x: left + i * spacing, y: centre.y })
    })
  })
  cy.scratch(SAVED, saved)
}

/** Fits the window to the chain, no closer than the usual fit would go. */
export function fitChain(cy: Core, keys: string[]): void {
  const nodes = cy.collection()
  for (const key of keys) nodes.merge(cy.getElementById(key))
  if (nodes.empty()) return
  cy.fit(nodes, 60)
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM)
    cy.center(nodes)
  }
}
