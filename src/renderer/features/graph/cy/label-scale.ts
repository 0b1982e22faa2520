import type { Core } from 'cytoscape'

/**
 * Labels keep their on-screen size once the user zooms in past 1: their model size is scaled by
 * 1/zoom, so zooming in makes room between them and hidden labels come back. Quantised, so that the
 * stylesheet is rebuilt only when the zoom has changed by a quarter or more.
 */
export function labelScaleFor(zoom: number): number {
  if (zoom <= 1) return 1
  return 1 / Math.pow(1.25, Math.floor(Math.log(zoom) / Math.log(1.25)))
}

const scales = new WeakMap<Core, number>()

export const labelScaleOf = (cy: Core): number => scales.get(cy) ?? 1

/** Records the scale; true when it changed (the caller then rebuilds the stylesheet). */
export function setLabelScale(cy: Core, scale: number): boolean {
  if (labelScaleOf(cy) === scale) return false
  scales.set(cy, scale)
  return true
}
