import type { Core } from 'cytoscape'
import { graphStyle } from './style.ts'

/** Above this many elements the view switches to the cheap stylesheet and viewport tricks. */
export const LARGE_GRAPH_ELEMENTS = 2_000
/** The most elements (nodes + edges) one view will hold; past it the user is asked to narrow. */
export const ELEMENT_BUDGET = 50_000

export interface LevelOfDetail {
  simple: boolean
  /** Draw a cached bitmap and skip edges while the user pans or zooms. */
  viewportShortcuts: boolean
  /** 1 instead of the screen's ratio: a high-DPI screen would otherwise paint 4× the pixels. */
  pixelRatio: number | null
}

export function levelOfDetailFor(elementCount: number): LevelOfDetail {
  const large = elementCount > LARGE_GRAPH_ELEMENTS
  return { simple: large, viewportShortcuts: large, pixelRatio: large ? 1 : null }
}

/** The canvas renderer's settings that cytoscape reads on every frame (not typed by cytoscape). */
interface RendererKnobs {
  hideEdgesOnViewport: boolean
  textureOnViewport: boolean
  forcedPixelRatio: number | null
}

const applied = new WeakMap<Core, LevelOfDetail>()

export const isSimplified = (cy: Core): boolean => applied.get(cy)?.simple ?? false

/** Switches the stylesheet and renderer shortcuts when the element count crosses the threshold. */
export function applyLevelOfDetail(cy: Core, elementCount: number): LevelOfDetail {
  const next = levelOfDetailFor(elementCount)
  const previous = applied.get(cy)
  if (previous && previous.simple === next.simple) return previous
  applied.set(cy, next)
  const renderer = (cy as unknown as { renderer(): RendererKnobs | undefined }).renderer()
  if (renderer) {
    renderer.hideEdgesOnViewport = next.viewportShortcuts
    renderer.textureOnViewport = next.viewportShortcuts
    renderer.forcedPixelRatio = next.pixelRatio
  }
  cy.style(graphStyle({ simple: next.simple }))
  return next
}

export type BudgetCheck = { ok: true } | { ok: false; message: string }

export function checkBudget(current: number, adding: number, budget = ELEMENT_BUDGET): BudgetCheck {
  if (current + adding <= budget) return { ok: true }
  return {
    ok: false,
    message: `That would put ${(current + adding).toLocaleString('en-US')} elements in the view; the limit is ${budget.toLocaleString('en-US')}. Narrow it: expand fewer edge types, hide types in the legend, or open fewer nodes.`,
  }
}
