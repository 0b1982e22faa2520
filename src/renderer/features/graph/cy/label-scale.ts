import type { Core, NodeCollection } from 'cytoscape'

const STEP = 1.25
/** Zoom tops out at 5 (create-core.ts): 1.25^7 ≈ 4.8, so levels 0–7. */
export const LABEL_SCALE_LEVELS = 8

/**
 * Labels keep their on-screen size once the user zooms in past 1: their model size is scaled by
 * 1/zoom, so zooming in makes room between them and hidden labels come back. Quantised to levels a
 * quarter of zoom apart; each level above 0 is a class (style.ts), so that a change restyles only the
 * nodes that draw a label, not all 20,000 elements as a new stylesheet would.
 */
export function labelScaleLevel(zoom: number): number {
  if (zoom <= 1) return 0
  return Math.min(LABEL_SCALE_LEVELS - 1, Math.floor(Math.log(zoom) / Math.log(STEP)))
}

export const labelScaleOfLevel = (level: number): number => 1 / Math.pow(STEP, level)
export const labelScaleFor = (zoom: number): number => labelScaleOfLevel(labelScaleLevel(zoom))
export const labelScaleClass = (level: number): string => `label-scale-${level}`

const levels = new WeakMap<Core, { level: number; scaled: NodeCollection }>()

export const labelScaleOf = (cy: Core): number => labelScaleOfLevel(levels.get(cy)?.level ?? 0)

/** Gives `targets` the class of the zoom's level and takes any level class off every other node. */
export function applyLabelScale(cy: Core, zoom: number, targets: NodeCollection): void {
  const level = labelScaleLevel(zoom)
  const previous = levels.get(cy) ?? { level: 0, scaled: cy.collection() }
  const next = level === 0 ? cy.collection() : targets
  cy.batch(() => {
    if (previous.level !== level) {
      previous.scaled.removeClass(labelScaleClass(previous.level))
      next.addClass(labelScaleClass(level))
    } else {
      previous.scaled.difference(next).removeClass(labelScaleClass(level))
      next.difference(previous.scaled).addClass(labelScaleClass(level))
    }
  })
  levels.set(cy, { level, scaled: next })
}
