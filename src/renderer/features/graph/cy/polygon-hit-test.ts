import type { Core } from 'cytoscape'

// Cytoscape (3.34) tests a click against a polygon-shaped node by counting where a vertical line
// through the pointer crosses the polygon's sides; a line through a corner counts both sides meeting
// there, so a click exactly on the column of a diamond's or a triangle's tip is taken as a miss (the
// e2e click on a diamond's centre failed every time). A point a hair to the side is never on a corner.
const NUDGE = 1e-4

type CheckPoint = (x: number, y: number, ...rest: unknown[]) => boolean
interface NodeShape {
  checkPoint?: CheckPoint
}

/** The canvas renderer's node shapes, made to count a click on a corner's column as the hit it is. */
export function fixPolygonHitTest(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): { nodeShapes?: Record<string, NodeShape> } | undefined }).renderer()
  for (const shape of Object.values(renderer?.nodeShapes ?? {})) {
    // The table holds helpers beside the shapes.
    if (typeof shape?.checkPoint !== 'function') continue
    const check = shape.checkPoint.bind(shape)
    shape.checkPoint = (x, y, ...rest) => check(x, y, ...rest) || check(x + NUDGE, y, ...rest)
  }
}
