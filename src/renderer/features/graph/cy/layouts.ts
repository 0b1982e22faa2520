import type { Core, LayoutOptions, NodeSingular } from 'cytoscape'
import { hasOpenGroups, layoutWithGroups } from './group-layout.ts'
import { labelBox } from './label-boxes.ts'
import { labelsChanged } from './labels.ts'
import { LABEL_ROOM_NODES, NODE_GAP, separateNodes } from './separate-nodes.ts'
import { treeLayout } from './tree-layout.ts'
import { fitView } from './viewport.ts'
import { layoutNodes, runWorkerLayout, type LayoutProgress, type RunningLayout } from './worker-layout.ts'

export const LAYOUTS = [
  { name: 'force', label: 'Force (d3-force, in the background)' },
  { name: 'fcose', label: 'fCoSE (in the background)' },
  { name: 'concentric', label: 'Concentric by degree' },
  { name: 'breadthfirst', label: 'Breadth-first tree' },
  { name: 'grid', label: 'Grid' },
  { name: 'circle', label: 'Circle' },
  { name: 'preset', label: 'Keep positions' },
] as const
export type LayoutName = (typeof LAYOUTS)[number]['name']

export const isLayoutName = (value: unknown): value is LayoutName => LAYOUTS.some((layout) => layout.name === value)

/** Layouts whose shape is free enough to make room for labels too (grid sizes its cells for them itself). */
const FREE_SHAPE: ReadonlySet<LayoutName> = new Set(['force', 'fcose', 'breadthfirst'])

/** Puts each "+N more" stub just beside the node it belongs to. */
export function placeStubs(cy: Core): void {
  cy.batch(() => {
    cy.nodes('.stub').forEach((stub) => {
      const owner = cy.getElementById(stub.data('owner') as string)
      if (owner.nonempty()) stub.position({ x: owner.position('x') + 40, y: owner.position('y') - 30 })
    })
  })
}

/** After every layout: stubs beside their nodes, no two boxes overlapping, the view fitted, labels sorted out. */
export function finishLayout(cy: Core, name: LayoutName): void {
  placeStubs(cy)
  const labelRoom = FREE_SHAPE.has(name) && layoutNodes(cy).length <= LABEL_ROOM_NODES
  separateNodes(cy, { labelRoom })
  fitView(cy)
  labelsChanged(cy)
}

const boxOf = (node: NodeSingular, withLabel: boolean) => {
  const label = withLabel ? labelBox(node, 1) : null
  const width = Math.max(node.width(), label ? label.x2 - label.x1 : 0)
  const height = node.height() + (label ? label.y2 - label.y1 : 0)
  return { width, height }
}

/** Breadth-first tree rooted at the selected node, else at each component's highest-degree node (tree-layout.ts). */
function runTree(cy: Core): void {
  const nodes = layoutNodes(cy).toArray() as NodeSingular[]
  const index = new Map(nodes.map((node, i) => [node.id(), i]))
  const withLabels = nodes.length <= LABEL_ROOM_NODES
  const boxes = nodes.map((node) => boxOf(node, withLabels))
  const links: number[] = []
  cy.edges().not('.stub').forEach((edge) => {
    const s = index.get(edge.data('source') as string), t = index.get(edge.data('target') as string)
    if (s !== undefined && t !== undefined) links.push(s, t)
  })
  const selected = nodes.findIndex((node) => node.selected())
  const positions = treeLayout({ count: nodes.length, links, width: boxes.map((b) => b.width), height: boxes.map((b) => b.height), preferredRoot: selected, gap: NODE_GAP * 2 })
  cy.batch(() => nodes.forEach((node, i) => node.hasClass('pinned') || node.position({ x: positions[2 * i]!, y: positions[2 * i + 1]! })))
}

/** Grid cells wide enough for most labels in small views; cytoscape's own sizing otherwise. */
function gridOptions(cy: Core): object {
  const nodes = layoutNodes(cy).toArray() as NodeSingular[]
  if (nodes.length > LABEL_ROOM_NODES) return {}
  const widths = nodes.map((node) => boxOf(node, true).width).sort((a, b) => a - b)
  const cellWidth = (widths[Math.floor(widths.length * 0.8)] ?? 18) + NODE_GAP * 2
  const cellHeight = Math.max(...nodes.map((node) => boxOf(node, true).height)) + NODE_GAP * 2
  const cols = Math.max(1, Math.ceil(Math.sqrt((nodes.length * cellHeight * 1.6) / cellWidth)))
  const rows = Math.ceil(nodes.length / cols)
  return { cols, rows, boundingBox: { x1: 0, y1: 0, w: cols * cellWidth, h: rows * cellHeight } }
}

function builtInOptions(name: 'concentric' | 'grid' | 'circle', cy: Core): LayoutOptions {
  const common = { animate: false, fit: false }
  switch (name) {
    case 'concentric':
      return { name, ...common, concentric: (node: NodeSingular) => node.degree(false), levelWidth: () => 2, minNodeSpacing: 12, avoidOverlap: true } as LayoutOptions
    case 'grid':
      return { name, ...common, avoidOverlap: true, avoidOverlapPadding: NODE_GAP * 2, ...gridOptions(cy) } as LayoutOptions
    default:
      return { name, ...common, avoidOverlap: true } as LayoutOptions
  }
}

/**
 * Runs a layout on the view's nodes. Force layouts compute in a worker and report progress; the
 * others are quick enough to run here. Pinned nodes keep their place either way. Every layout ends
 * with finishLayout: no overlapping boxes, the view fitted, colliding labels hidden.
 */
export function runLayout(cy: Core, name: LayoutName, onProgress: (progress: LayoutProgress) => void): RunningLayout {
  // Open groups (compound nodes) need a layout that keeps each group's members together.
  if (name !== 'preset' && hasOpenGroups(cy)) {
    layoutWithGroups(cy, name)
    placeStubs(cy)
    fitView(cy)
    labelsChanged(cy)
    return { finished: Promise.resolve({ outcome: 'done' }), stop() {} }
  }
  if (name === 'force' || name === 'fcose') {
    const labelRoom = layoutNodes(cy).length <= LABEL_ROOM_NODES
    return runWorkerLayout(cy, name, onProgress, () => finishLayout(cy, name), { labelRoom })
  }
  if (name !== 'preset') {
    const pinned = cy.nodes('.pinned')
    pinned.unlock()
    const saved = pinned.map((node) => ({ node, position: { ...node.position() } }))
    if (name === 'breadthfirst') runTree(cy)
    else layoutNodes(cy).layout(builtInOptions(name, cy)).run()
    cy.batch(() => saved.forEach(({ node, position }) => node.position(position)))
    pinned.lock()
    finishLayout(cy, name)
  }
  return { finished: Promise.resolve({ outcome: 'done' }), stop() {} }
}
