import type { Core, NodeCollection } from 'cytoscape'

/** Below this zoom a 10 px label is too small to read anyway. */
export const LABEL_ZOOM = 0.8
/** Labelling more nodes than this at once costs more than it tells. */
const MAX_LABELLED = 1500
const SETTLE_MS = 120

/**
 * Large views draw no labels by default (measuring 20,000 labels dominates the first paint); once
 * the user zooms in past LABEL_ZOOM, the nodes on screen get the class `labelled`, which shows theirs.
 */
export function followViewportLabels(cy: Core, isLarge: () => boolean): () => void {
  let labelled: NodeCollection = cy.collection()
  let timer: ReturnType<typeof setTimeout> | undefined

  const update = () => {
    timer = undefined
    if (cy.destroyed()) return
    let next: NodeCollection = cy.collection()
    if (isLarge() && cy.zoom() >= LABEL_ZOOM) {
      const { x1, x2, y1, y2 } = cy.extent()
      next = cy.nodes().filter((node) => {
        const { x, y } = node.position()
        return x >= x1 && x <= x2 && y >= y1 && y <= y2
      })
      if (next.length > MAX_LABELLED) next = cy.collection()
    }
    cy.batch(() => {
      labelled.difference(next).removeClass('labelled')
      next.difference(labelled).addClass('labelled')
    })
    labelled = next
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(update, SETTLE_MS)
  }
  // 'add' fires once per element: thousands per opening, so it only starts a timer when none runs.
  const scheduleOnce = () => {
    if (!timer) schedule()
  }
  cy.on('viewport', schedule)
  cy.on('add', scheduleOnce)
  return () => {
    if (timer) clearTimeout(timer)
    cy.off('viewport', schedule)
    cy.off('add', scheduleOnce)
  }
}
