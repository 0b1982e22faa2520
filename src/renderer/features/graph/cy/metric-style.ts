import type { Core } from 'cytoscape'

/** Colours of the groups with the most nodes in view; the rest share grey. */
export const GROUP_COLOURS = ['#2f5fd0', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#5c940d', '#a61e4d', '#1864ab', '#862e9c']
export const OTHER_GROUP_COLOUR = '#aab2bd'
export const METRIC_HIDDEN = 'metric-hidden'
const MIN_SIZE = 12
const MAX_SIZE = 44

export interface MetricStyle {
  /** node key → value of the run that sizes nodes. */
  size: Map<string, number> | null
  /** node key → group of the run that colours nodes. */
  colour: Map<string, number> | null
  /** node key → value of the run that filters nodes, and the range kept. */
  filter: { values: Map<string, number>; min: number | null; max: number | null } | null
}

/** Group → colour: the groups with most nodes in view first (ties by group number), then grey. */
export function groupColours(groups: Iterable<number>): Map<number, string> {
  const counts = new Map<number, number>()
  for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1)
  const order = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b)
  return new Map(order.map((group, i) => [group, GROUP_COLOURS[i] ?? OTHER_GROUP_COLOUR]))
}

/** Node diameter for a value: area grows with the value, from the smallest to the largest in view. */
export function sizeFor(value: number, low: number, high: number): number {
  const share = high > low ? (value - low) / (high - low) : 1
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, share)))
}

/**
 * Sizes, colours and hides the view's nodes by metric values, as style bypasses that clearing
 * removes; nodes a run did not cover keep the plain look (and stay visible under a filter).
 */
export function applyMetricStyle(cy: Core, style: MetricStyle): void {
  const sizes = style.size ? [...style.size.values()] : []
  const low = sizes.length ? Math.min(...sizes) : 0
  const high = sizes.length ? Math.max(...sizes) : 0
  const colours = groupColours(style.colour?.values() ?? [])
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      if (node.hasClass('stub')) return
      const key = node.id()
      const size = style.size?.get(key)
      if (size === undefined) node.removeStyle('width height')
      else node.style({ width: sizeFor(size, low, high), height: sizeFor(size, low, high) })
      const group = style.colour?.get(key)
      if (group === undefined) node.removeStyle('background-color')
      else node.style('background-color', colours.get(group) ?? OTHER_GROUP_COLOUR)
      const value = style.filter?.values.get(key)
      const outside = value !== undefined && style.filter !== null && ((style.filter.min !== null && value < style.filter.min) || (style.filter.max !== null && value > style.filter.max))
      node.toggleClass(METRIC_HIDDEN, outside)
    })
  })
}
