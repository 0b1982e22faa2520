import cytoscape, { type Core } from 'cytoscape'
import svg from 'cytoscape-svg'
import { fixPolygonHitTest } from './polygon-hit-test.ts'
import { graphStyle } from './style.ts'

let registered = false

/** The view's one cytoscape instance. WebGL is opt-in: on software GL (no GPU) it is slower than canvas. */
export function createGraphCore(container: HTMLElement, { webgl }: { webgl: boolean }): Core {
  if (!registered) {
    cytoscape.use(svg)
    registered = true
  }
  const cy = cytoscape({
    container,
    style: graphStyle({ simple: false }),
    minZoom: 0.01,
    maxZoom: 5,
    boxSelectionEnabled: true,
    ...({ renderer: { name: 'canvas', webgl } } as object),
  })
  fixPolygonHitTest(cy)
  return cy
}
