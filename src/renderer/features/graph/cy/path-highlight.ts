import type { Core } from 'cytoscape'
import type { KeyPath, Subgraph } from '../../../../shared/graph.ts'
import type { GraphController } from './graph-controller.ts'
import { edgeElementId } from './ids.ts'
import { fitChain, layoutPathChain, restorePathChain } from './path-chain.ts'

const PATH_CLASSES = 'path path-end faded'

/** Removes the highlight and puts the nodes the chain moved back where they were. */
export function clearPath(cy: Core): void {
  cy.batch(() => cy.elements().removeClass(PATH_CLASSES))
  restorePathChain(cy)
}

/**
 * Shows one path of an answer: its nodes and edges (added to the view when missing) carry the class
 * `path`, the rest is faded, and the path is laid out as a left-to-right chain in the middle of the view.
 */
export function highlightPath(controller: GraphController, answer: Subgraph, path: KeyPath): void {
  const { cy } = controller
  const from = path.nodes[0]
  const to = path.nodes.at(-1)
  if (from === undefined || to === undefined) return
  const keys = new Set(path.nodes)
  const ids = new Set(path.edges)
  const anchor = cy.getElementById(from).nonempty() ? { ...cy.getElementById(from).position() } : { x: 0, y: 0 }
  controller.load({ nodes: answer.nodes.filter((node) => keys.has(node.key)), edges: answer.edges.filter((edge) => ids.has(edge.id)) }, 'path', new Map(path.nodes.map((key) => [key, anchor])))
  cy.batch(() => {
    // Not group boxes: a compound parent's opacity would fade its members on the path too.
    cy.elements().removeClass(PATH_CLASSES).not(':parent').addClass('faded')
    const onPath = cy.collection()
    for (const key of path.nodes) onPath.merge(cy.getElementById(key))
    for (const id of path.edges) onPath.merge(cy.getElementById(edgeElementId(id)))
    onPath.removeClass('faded').addClass('path')
    cy.getElementById(from).addClass('path-end')
    cy.getElementById(to).addClass('path-end')
  })
  layoutPathChain(cy, path.nodes)
  fitChain(cy, path.nodes)
}

/** The classes of the path's elements, for the side panel and for tests that read the view. */
export const pathElementIds = (cy: Core): string[] => cy.elements('.path').map((element) => element.id())
