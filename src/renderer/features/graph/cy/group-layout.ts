import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { LayoutName } from './layouts.ts'
import type { Point } from './to-elements.ts'

/** The room a node takes with its label. */
const NODE_BOX = { w: 100, h: 44 }
let registered = false

function optionsFor(name: Exclude<LayoutName, 'preset'>): LayoutOptions {
  const common = { animate: false, fit: false }
  switch (name) {
    case 'force':
    case 'fcose':
      return { name: 'fcose', ...common, randomize: true, quality: 'default', nodeSeparation: 60, idealEdgeLength: () => 90, nodeRepulsion: () => 9000 } as LayoutOptions
    case 'concentric':
      return { name, ...common, concentric: (node: NodeSingular) => node.degree(false), levelWidth: () => 2, minNodeSpacing: 16, avoidOverlap: true } as LayoutOptions
    case 'breadthfirst':
      return { name, ...common, directed: false, spacingFactor: 1.1, avoidOverlap: true } as LayoutOptions
    default:
      return { name, ...common, avoidOverlap: true, avoidOverlapPadding: 16 } as LayoutOptions
  }
}

/** Lays out boxes of given sizes in a headless instance (sizes known to the layout) and returns their centres. */
function solve(name: Exclude<LayoutName, 'preset'>, boxes: { id: string; w: number; h: number; at: Point }[], links: [string, string][]): Map<string, Point> {
  if (!registered) {
    cytoscape.use(fcose)
    registered = true
  }
  const elements: ElementDefinition[] = [
    ...boxes.map((box) => ({ group: 'nodes' as const, data: { id: box.id, w: box.w, h: box.h }, position: { ...box.at } })),
    ...links.map(([source, target], i) => ({ group: 'edges' as const, data: { id: `l${i}`, source, target } })),
  ]
  const solver = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }] })
  if (boxes.length > 1) solver.layout(optionsFor(name)).run()
  const positions = new Map(solver.nodes().map((node) => [node.id(), { ...node.position() }] as const))
  solver.destroy()
  return positions
}

const uniqueLinks = (pairs: [string, string][]): [string, string][] => {
  const seen = new Set<string>()
  return pairs.filter(([a, b]) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
    if (a === b || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A layout for a view with open groups, in two levels: the chosen layout inside each group, then
 * again over the groups (as boxes of their size) and the ungrouped nodes; a group moves with its members.
 */
export function layoutWithGroups(cy: Core, name: Exclude<LayoutName, 'preset'>): void {
  cy.nodes('.group').not('.group-collapsed').forEach((group) => {
    const members = group.children()
    const inside = solve(name, members.map((node) => ({ id: node.id(), ...NODE_BOX, at: node.position() })), uniqueLinks(members.edgesWith(members).map((edge) => [edge.source().id(), edge.target().id()])))
    cy.batch(() => members.forEach((node) => void (node.locked() || node.position(inside.get(node.id()) as Point))))
  })
  const top = cy.nodes().orphans().not('.stub').toArray() as NodeSingular[]
  const boxes = top.map((node) => {
    if (!node.isParent()) return { id: node.id(), ...NODE_BOX, at: node.position() }
    const box = node.boundingBox({ includeLabels: true })
    return { id: node.id(), w: box.w + 24, h: box.h + 24, at: node.position() }
  })
  const standIn = (node: NodeSingular) => (node.isChild() ? (node.parent().first() as NodeSingular).id() : node.id())
  const links = uniqueLinks((cy.edges().not('.stub').toArray() as EdgeSingular[]).map((edge): [string, string] => [standIn(edge.source()), standIn(edge.target())]))
  const positions = solve(name, boxes, links)
  cy.batch(() => top.forEach((node) => void (node.locked() || node.position(positions.get(node.id()) as Point))))
}

export const hasOpenGroups = (cy: Core): boolean => cy.nodes('.group').not('.group-collapsed').nonempty()
