import type { Core } from 'cytoscape'
import type { ShortestPath } from '../../../../shared/graph.ts'
import type { GraphController } from './graph-controller.ts'
import { edgeElementId } from './ids.ts'

const PATH_CLASSES = 'path path-end faded'

export function clearPath(cy: Core): void {
  cy.batch(() => cy.elements().removeClass(PATH_CLASSES))
}

/**
 * Marks the path's nodes and edges with the class `path` and fades the rest. Path nodes not yet in
 * view are added on the straight line between its two ends, in path order.
 */
export function highlightPath(controller: GraphController, path: ShortestPath, from: string, to: string): void {
  const { cy } = controller
  const start = cy.getElementById(from).position()
  const end = cy.getElementById(to).position()
  const steps = Math.max(path.nodes.length - 1, 1)
  const positions = new Map(path.nodes.map((node, i) => [node.key, { x: start.x + ((end.x - start.x) * i) / steps, y: start.y + ((end.y - start.y) * i) / steps + 40 }]))
  controller.load(path, 'path', positions)
  cy.batch(() => {
    cy.elements().removeClass(PATH_CLASSES).addClass('faded')
    const onPath = cy.collection()
    for (const node of path.nodes) onPath.merge(cy.getElementById(node.key))
    for (const edge of path.edges) onPath.merge(cy.getElementById(edgeElementId(edge.id)))
    onPath.removeClass('faded').addClass('path')
    cy.getElementById(from).addClass('path-end')
    cy.getElementById(to).addClass('path-end')
  })
}

/** The classes of the path's elements, for the side panel and for tests that read the view. */
export const pathElementIds = (cy: Core): string[] => cy.elements('.path').map((element) => element.id())
