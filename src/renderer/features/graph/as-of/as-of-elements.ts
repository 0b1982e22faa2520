import type { Core } from 'cytoscape'
import { edgeElementId } from '../cy/ids.ts'
import type { AsOfOverlay } from './as-of-diff.ts'

// Draws an As-of overlay on the view's instance and takes it off again: classes on what is on screen,
// the then-labels of changed nodes, and ghost elements (ids no key can take) for what is gone since.

const GHOST = '\u0000asof\u0000'
export const ghostNodeId = (key: string) => `${GHOST}${key}`
export const ghostEdgeId = (id: number) => `${GHOST}e${id}`
export const isGhostId = (id: string) => id.startsWith(GHOST)
const CLASSES = 'asof asof-same asof-changed asof-added asof-removed'

/** Shows the overlay; the returned function restores the view as it was. */
export function showAsOf(cy: Core, overlay: AsOfOverlay): () => void {
  const labels = new Map<string, string>()
  const elementOf = (key: string) => (cy.getElementById(key).nonempty() ? key : ghostNodeId(key))
  cy.batch(() => {
    let ghosts = 0
    for (const item of overlay.nodes) {
      const node = cy.getElementById(item.key)
      if (node.nonempty()) {
        node.addClass(`asof asof-${item.status}`)
        if (item.status === 'changed' && node.data('label') !== item.label) {
          labels.set(item.key, node.data('label') as string)
          node.data('label', item.label)
        }
      } else if (item.near) {
        const near = cy.getElementById(item.near).position()
        const angle = ghosts++ * 2.4
        cy.add({
          group: 'nodes',
          data: { id: ghostNodeId(item.key), label: item.label, type: item.type, colour: '#c9ced4', shape: 'ellipse' },
          classes: 'asof asof-removed asof-ghost',
          position: { x: near.x + 70 * Math.cos(angle), y: near.y + 70 * Math.sin(angle) },
        })
      }
    }
    for (const item of overlay.edges) {
      const edge = cy.getElementById(edgeElementId(item.id))
      if (edge.nonempty()) edge.addClass(`asof asof-${item.status}`)
      else if (item.status === 'removed') {
        cy.add({
          group: 'edges',
          data: { id: ghostEdgeId(item.id), source: elementOf(item.source), target: elementOf(item.target), type: item.type, colour: '#c0392b' },
          classes: 'asof asof-removed asof-ghost',
        })
      }
    }
  })
  return () =>
    cy.batch(() => {
      cy.elements('.asof-ghost').remove()
      cy.elements('.asof').removeClass(CLASSES)
      for (const [key, label] of labels) cy.getElementById(key).data('label', label)
    })
}
