import type { Core, LayoutOptions, NodeSingular } from 'cytoscape'
import { hasOpenGroups, layoutWithGroups } from './group-layout.ts'
import { fitView } from './viewport.ts'
import { layoutNodes, runWorkerLayout, type LayoutProgress, type RunningLayout } from './worker-layout.ts'

export const LAYOUTS = [
  { name: 'force', label: 'Force (d3, in the background)' },
  { name: 'fcose', label: 'fCoSE (in the background)' },
  { name: 'concentric', label: 'Concentric by degree' },
  { name: 'breadthfirst', label: 'Breadth-first tree' },
  { name: 'grid', label: 'Grid' },
  { name: 'circle', label: 'Circle' },
  { name: 'preset', label: 'Keep positions' },
] as const
export type LayoutName = (typeof LAYOUTS)[number]['name']

export const isLayoutName = (value: unknown): value is LayoutName => LAYOUTS.some((layout) => layout.name === value)

/** Puts each "+N more" stub just beside the node it belongs to. */
export function placeStubs(cy: Core): void {
  cy.batch(() => {
    cy.nodes('.stub').forEach((stub) => {
      const owner = cy.getElementById(stub.data('owner') as string)
      if (owner.nonempty()) stub.position({ x: owner.position('x') + 40, y: owner.position('y') - 30 })
    })
  })
}

function builtInOptions(name: Exclude<LayoutName, 'force' | 'fcose' | 'preset'>, cy: Core): LayoutOptions {
  const common = { animate: false, fit: false }
  switch (name) {
    case 'concentric':
      return { name, ...common, concentric: (node: NodeSingular) => node.degree(false), levelWidth: () => 2, minNodeSpacing: 12 } as LayoutOptions
    case 'breadthfirst': {
      const selected = cy.nodes(':selected').not('.stub')
      return { name, ...common, directed: false, spacingFactor: 1.1, ...(selected.nonempty() ? { roots: selected } : {}) } as LayoutOptions
    }
    default:
      return { name, ...common, avoidOverlap: true } as LayoutOptions
  }
}

/**
 * Runs a layout on the view's nodes. Force layouts compute in a worker and report progress; the
 * others are quick enough to run here. Pinned nodes keep their place either way.
 */
export function runLayout(cy: Core, name: LayoutName, onProgress: (progress: LayoutProgress) => void): RunningLayout {
  // Open groups (compound nodes) need a layout that keeps each group's members together.
  if (name !== 'preset' && hasOpenGroups(cy)) {
    layoutWithGroups(cy, name)
    placeStubs(cy)
    fitView(cy)
    return { finished: Promise.resolve({ outcome: 'done' }), stop() {} }
  }
  if (name === 'force' || name === 'fcose') {
    return runWorkerLayout(cy, name, onProgress, () => {
      placeStubs(cy)
      fitView(cy)
    })
  }
  if (name !== 'preset') {
    const pinned = cy.nodes('.pinned')
    pinned.unlock()
    const saved = pinned.map((node) => ({ node, position: { ...node.position() } }))
    layoutNodes(cy).layout(builtInOptions(name, cy)).run()
    cy.batch(() => saved.forEach(({ node, position }) => node.position(position)))
    pinned.lock()
    placeStubs(cy)
    fitView(cy)
  }
  return { finished: Promise.resolve({ outcome: 'done' }), stop() {} }
}
