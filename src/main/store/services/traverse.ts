import type { Neighbour, NeighboursQuery, Neighbours } from '../../../shared/domain.ts'
import type { Db } from '../db.ts'
import { stepsOf } from '../graph/adjacency.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { neighbourRows, type NeighbourRow } from '../repos/neighbours.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { nodeNotFound } from './nodes.ts'

function toNeighbour(key: string, direction: 'out' | 'in', row: NeighbourRow): Neighbour {
  const [edgeId, edgeType, edgeProps, weight, edgeCreated, edgeUpdated, otherKey, type, label, props, created, updated] = row
  return {
    direction,
    edge: {
      id: edgeId,
      source: direction === 'out' ? key : otherKey,
      target: direction === 'out' ? otherKey : key,
      type: edgeType,
      properties: JSON.parse(edgeProps),
      weight,
      createdAt: edgeCreated,
      updatedAt: edgeUpdated,
    },
    node: { key: otherKey, type, label, properties: JSON.parse(props), createdAt: created, updatedAt: updated },
  }
}

/**
 * The edges at a node and the nodes at their other ends: outgoing first, then incoming, each by edge
 * type, other node and edge id, up to the limit. The rows come from the traversal indexes (one
 * statement per direction, measured faster than fetching cache-chosen ids); the adjacency cache
 * counts what the limit left out without reading those rows.
 */
export function neighbours(db: Db, query: NeighboursQuery): Neighbours {
  const node = getNodeIdByKey(db, query.key)
  if (node === undefined) throw nodeNotFound(query.key)
  const adjacency = adjacencyOf(db)
  const mask = adjacency.typeMask(query.edgeTypes)
  const items: Neighbour[] = []
  let total = 0
  for (const step of stepsOf(query.direction)) {
    const count = adjacency.count(node, step, mask)
    total += count
    const room = Math.min(query.limit - items.length, count)
    if (room <= 0) continue
    for (const row of neighbourRows(db, node, step, query.edgeTypes, room)) items.push(toNeighbour(query.key, step, row))
  }
  return { items, truncated: total > items.length, omitted: total - items.length }
}
