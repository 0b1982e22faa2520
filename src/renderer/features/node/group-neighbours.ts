import type { Neighbour } from '../../../shared/domain.ts'

export interface EdgeTypeGroup {
  edgeType: string
  items: Neighbour[]
}

/** Neighbours of one direction, grouped by edge type (alphabetical), each group ordered by neighbour label. */
export function groupByEdgeType(items: Neighbour[], direction: Neighbour['direction']): EdgeTypeGroup[] {
  const groups = new Map<string, Neighbour[]>()
  for (const item of items) {
    if (item.direction !== direction) continue
    const group = groups.get(item.edge.type)
    if (group) group.push(item)
    else groups.set(item.edge.type, [item])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([edgeType, group]) => ({
      edgeType,
      items: group.sort((a, b) => (a.node.label || a.node.key).localeCompare(b.node.label || b.node.key)),
    }))
}
