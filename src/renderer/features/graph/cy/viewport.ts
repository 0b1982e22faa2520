import type { Core } from 'cytoscape'

const PADDING = 40
/** Fitting one or two nodes would zoom in until they fill the window; stop at a readable size. */
const MAX_FIT_ZOOM = 1.5

/**
 * Fits the view to its shown nodes from their positions alone. cy.fit() would first compute every
 * element's bounding box (styles, edge geometry): over a second for 20,000 elements here.
 */
export function fitView(cy: Core): void {
  // Small views: cytoscape's own fit, which also keeps labels inside the window.
  if (cy.nodes().length <= 200) {
    const shown = cy.elements().not('.hidden, .type-hidden')
    if (shown.empty()) return
    cy.fit(shown, PADDING)
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM)
      cy.center(shown)
    }
    return
  }
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
  cy.nodes().forEach((node) => {
    if (node.hasClass('hidden') || node.hasClass('type-hidden')) return
    const { x, y } = node.position()
    if (x < x1) x1 = x
    if (x > x2) x2 = x
    if (y < y1) y1 = y
    if (y > y2) y2 = y
  })
  if (x1 === Infinity) return
  const width = Math.max(cy.width(), 1), height = Math.max(cy.height(), 1)
  const zoom = Math.min(MAX_FIT_ZOOM, (width - 2 * PADDING) / Math.max(x2 - x1, 1), (height - 2 * PADDING) / Math.max(y2 - y1, 1))
  const clamped = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom))
  cy.viewport({ zoom: clamped, pan: { x: width / 2 - clamped * (x1 + x2) / 2, y: height / 2 - clamped * (y1 + y2) / 2 } })
}

/** Fits the view again only when some of `ids` landed outside the visible area. */
export function fitIfOutside(cy: Core, ids: string[]): void {
  const extent = cy.extent()
  const outside = ids.some((id) => {
    const { x, y } = cy.getElementById(id).position()
    return x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2
  })
  if (outside) fitView(cy)
}
