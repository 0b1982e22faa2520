import type { ExpandOrder } from '../../../shared/graph.ts'

/** What one graph.expand asks for, and what its "+N more" stub asks for again, a page further. */
export interface ExpandFilter {
  direction: 'out' | 'in' | 'both'
  edgeTypes: string[] | undefined
  /** The stub this expansion keeps: its edge type, or '' for several types at once. */
  group?: string
  order?: ExpandOrder
  /** The metric run that order 'metric' ranks by. */
  runId?: number
  /** Only neighbours whose label or key contains this. */
  text?: string
  /** Neighbours (edges) per page. */
  limit?: number
}

/** The menu's choices that apply to every chosen type. */
export interface ExpandChoices {
  order: ExpandOrder
  runId?: number
  text: string
  limit: number
}

export const entryId = (type: string, direction: string) => `${direction}:${type}`

/**
 * One expansion per chosen edge type, so that each type brings its own top N and keeps its own
 * "+N more"; a type chosen in both directions is expanded both ways at once.
 */
export function filtersFor(entries: { type: string; direction: 'out' | 'in' }[], chosen: ReadonlySet<string>, choices: ExpandChoices): ExpandFilter[] {
  const directions = new Map<string, Set<'out' | 'in'>>()
  for (const entry of entries) {
    if (!chosen.has(entryId(entry.type, entry.direction))) continue
    const set = directions.get(entry.type) ?? new Set()
    set.add(entry.direction)
    directions.set(entry.type, set)
  }
  const text = choices.text.trim()
  return [...directions].map(([type, set]) => ({
    direction: set.size === 2 ? 'both' : ([...set][0] as 'out' | 'in'),
    edgeTypes: [type],
    group: type,
    order: choices.order,
    ...(choices.order === 'metric' && choices.runId !== undefined ? { runId: choices.runId } : {}),
    limit: choices.limit,
    ...(text ? { text } : {}),
  }))
}
