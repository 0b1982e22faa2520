import type { NeighbourTypes } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { neighbourTypeCountsMatching } from '../repos/neighbours.ts'
import { matchText } from './traverse.ts'
import { requireKeys } from './graph-nodes.ts'

const byName = (a: { type: string }, b: { type: string }) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)

/**
 * Exact counts of a node's edges per (type, direction), outgoing first, each by type name: from the
 * adjacency cache, or, with a text filter on the other node's label or key, counted in SQL.
 */
export function neighbourTypeCounts(db: Db, query: { key: string; text?: string | undefined }): NeighbourTypes {
  const [node] = requireKeys(db, [query.key]) as [number]
  const text = matchText(query.text)
  const adjacency = text === '' ? adjacencyOf(db) : null
  const types: NeighbourTypes['types'] = []
  for (const step of ['out', 'in'] as const) {
    let counts: [string, number][]
    if (adjacency) {
      const byType = new Map<number, number>()
      adjacency.forEach(node, step, null, (_n, _e, type) => byType.set(type, (byType.get(type) ?? 0) + 1))
      counts = [...byType].map(([type, count]) => [adjacency.typeNames[type] as string, count])
    } else counts = neighbourTypeCountsMatching(db, node, step, text)
    types.push(...counts.map(([type, count]) => ({ type, direction: step, count })).sort(byName))
  }
  return { types }
}
