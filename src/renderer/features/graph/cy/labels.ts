import type { Core, EventObject, NodeCollection } from 'cytoscape'
import { LABEL_FONT_SIZE } from './label-boxes.ts'
import { hideCollidingLabels } from './label-collisions.ts'
import { applyLabelScale, labelScaleOf } from './label-scale.ts'
import { isSimplified } from './lod.ts'

/** Below this zoom a 10 px label is too small to read anyway. */
export const LABEL_ZOOM = 0.8
/** Labelling more nodes than this at once costs more than it tells. */
const MAX_LABELLED = 1500
const SETTLE_MS = 120
/** Emitted on the core when positions changed without an add or a drag (a layout, an undo). */
export const LABELS_STALE = 'labelsstale'

/**
 * Keeps labels readable: large views draw no labels by default (measuring 20,000 labels dominates the
 * first paint); once the user zooms in past LABEL_ZOOM, the nodes on screen get the class `labelled`.
 * In every view, labels keep their screen size past zoom 1, and a label that would print over another
 * is hidden (label-collisions.ts) until the node is hovered, selected or zoom makes room.
 */
export function followViewportLabels(cy: Core, isLarge: () => boolean): () => void {
  let labelled: NodeCollection = cy.collection()
  let timer: ReturnType<typeof setTimeout> | undefined

  const updateLabelled = () => {
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

  const update = () => {
    timer = undefined
    if (cy.destroyed()) return
    updateLabelled()
    const zoom = cy.zoom()
    const simple = isSimplified(cy)
    // Large views scale only the labels they draw: the labelled nodes and those pointed at or selected.
    applyLabelScale(cy, zoom, simple ? labelled.union(cy.nodes('.hover, :selected, .path')) : cy.nodes())
    // Below this zoom cytoscape draws no label at all (min-zoomed-font-size), so none can collide.
    const drawn = LABEL_FONT_SIZE * labelScaleOf(cy) * zoom >= (simple ? 9 : 7)
    hideCollidingLabels(cy, labelScaleOf(cy), (node) => drawn && (!simple || node.hasClass('labelled')))
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(update, SETTLE_MS)
  }
  // 'add' fires once per element: thousands per opening, so it only starts a timer when none runs.
  const scheduleOnce = () => {
    if (!timer) schedule()
  }
  const hover = (event: EventObject) => void event.target.addClass('hover')
  const leave = (event: EventObject) => void event.target.removeClass('hover')
  cy.on('viewport', schedule)
  cy.on(`add remove free ${LABELS_STALE}`, scheduleOnce)
  cy.on('mouseover', 'node', hover)
  cy.on('mouseout', 'node', leave)
  return () => {
    if (timer) clearTimeout(timer)
    cy.off('viewport', schedule)
    cy.off(`add remove free ${LABELS_STALE}`, scheduleOnce)
    cy.off('mouseover', 'node', hover)
    cy.off('mouseout', 'node', leave)
  }
}

/** Recomputes which labels are drawn now (after a layout), instead of after the settle delay. */
export function labelsChanged(cy: Core): void {
  cy.emit(LABELS_STALE)
}
