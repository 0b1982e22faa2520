/** Which (edge type, direction) entries of a node's expand menu are chosen, as a graph.expand filter. */
export interface ExpandFilter {
  direction: 'out' | 'in' | 'both'
  edgeTypes: string[] | undefined
}

export const entryId = (type: string, direction: string) => `${direction}:${type}`

/**
 * The filter for the chosen (type, direction) entries; undefined edgeTypes means "all types".
 * graph.expand takes one direction for all types, so mixing directions widens to both.
 */
export function filterFor(entries: { type: string; direction: 'out' | 'in' }[], chosen: ReadonlySet<string>): ExpandFilter | null {
  const picked = entries.filter((entry) => chosen.has(entryId(entry.type, entry.direction)))
  if (picked.length === 0) return null
  const directions = new Set(picked.map((entry) => entry.direction))
  const direction = directions.size === 2 ? 'both' : (picked[0]?.direction ?? 'both')
  const types = [...new Set(picked.map((entry) => entry.type))]
  const allTypes = new Set(entries.map((entry) => entry.type)).size === types.length
  return { direction, edgeTypes: allTypes ? undefined : types }
}
