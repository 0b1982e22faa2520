import type { QueryClient } from '@tanstack/react-query'
import type { GraphController } from './cy/graph-controller.ts'
import { edgeElementId, isStubId } from './cy/ids.ts'
import { graphQueries } from './queries.ts'

/**
 * After an edit, undo or redo: the view's nodes (and `extraKeys`, placed beside the view's centre) as the
 * store has them now: what is gone leaves the view, what is new between them comes in. `placed`: where
 * extra keys go back (a deleted node that an undo brings back returns to where it was).
 */
export async function syncViewWithStore(queryClient: QueryClient, controller: GraphController, extraKeys: string[], placed?: ReadonlyMap<string, { x: number; y: number }>): Promise<void> {
  const { cy } = controller
  const keys = [...new Set([...cy.nodes().map((node) => node.id()).filter((id) => !isStubId(id)), ...extraKeys])]
  if (keys.length === 0) return
  const subgraph = await queryClient.fetchQuery(graphQueries.induced({ keys }))
  const nodeKeys = new Set(subgraph.nodes.map((node) => node.key))
  const edgeIds = new Set(subgraph.edges.map((edge) => edgeElementId(edge.id)))
  cy.batch(() => {
    cy.nodes().filter((node) => !isStubId(node.id()) && !nodeKeys.has(node.id())).remove()
    cy.edges().filter((edge) => !isStubId(edge.id()) && !edgeIds.has(edge.id())).remove()
  })
  const extent = cy.extent()
  const centre = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 }
  const positions = new Map(extraKeys.map((key, index) => [key, placed?.get(key) ?? { x: centre.x + 40 * (index + 1), y: centre.y + 40 }]))
  controller.load(subgraph, 'seed', positions)
}
