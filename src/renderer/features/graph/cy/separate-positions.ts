import type { LayoutRequest } from './layout-protocol.ts'
import { separateBoxes } from './separate-boxes.ts'

/**
 * The final box separation, run where the layout was computed (the worker): on 5,000 nodes it is
 * seconds of work that would otherwise freeze the window in the frame that applies the positions.
 * Moves `positions` (x, y per node) in place; the view's own separation afterwards finds nothing left.
 */
export function separatePositions({ nodeCount: count, fixed, boxes }: LayoutRequest, positions: Float64Array): void {
  const x = new Float64Array(count), y = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    x[i] = (positions[2 * i] as number) + (boxes.offsetX[i] as number)
    y[i] = (positions[2 * i + 1] as number) + (boxes.offsetY[i] as number)
  }
  separateBoxes({ count, x, y, halfWidth: boxes.halfWidth, halfHeight: boxes.halfHeight, fixed }, boxes.gap)
  for (let i = 0; i < count; i++) {
    positions[2 * i] = (x[i] as number) - (boxes.offsetX[i] as number)
    positions[2 * i + 1] = (y[i] as number) - (boxes.offsetY[i] as number)
  }
}
