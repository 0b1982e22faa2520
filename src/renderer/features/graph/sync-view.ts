import { isCancelledError, type QueryClient } from '@tanstack/react-query'
import type { GraphController } from './cy/graph-controller.ts'
import { edgeElementId, isStubId } from './cy/ids.ts'
import { graphQueries } from './queries.ts'

/**
 * The store's answer for these keys. The change being synced also reaches the app as an event, whose
 * refresh cancels graph reads in flight (live-updates.ts): a cancelled read is made again.
 */
async function readInduced(queryClient: QueryClient, keys: string[], attempts = 3) {
  try {
    return await queryClient.fetchQuery(graphQueries.induced({ keys }))
  } catch (error) {
    if (attempts > 1 && isCancelledError(error)) return readInduced(queryClient, keys, attempts - 1)
    throw error
  }
}

/**
 * After an edit, undo or redo: the view's nodes (and `extraKeys`, placed beside the view's centre) as the
 * store has them now: what is gone leaves the view, what is new between them comes in. `placed`: where
 * extra keys go back (a deleted node that an undo brings back returns to where it was).
 */
export async function syncViewWithStore(queryClient: QueryClient, controller: GraphController, extraKeys: string[], placed?: ReadonlyMap<string, { x: number; y: number }>): Promise<void> {
  const { cy } = controller
  const keys = [...new Set([...cy.nodes().map((node) => node.id()).filter((id) => !isStubId(id)), ...extraKeys])]
  if (keys.length === 0) return
  const subgraph = await readInduced(queryClient, keys)
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
