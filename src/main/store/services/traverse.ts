import type { Neighbour, NeighboursQuery, Neighbours } from '../../../shared/domain.ts'
import type { Db } from '../db.ts'
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

/** The edges at a node and the nodes at their other ends: outgoing first, then incoming, up to the limit. */
export function neighbours(db: Db, query: NeighboursQuery): Neighbours {
  const directions = query.direction === 'both' ? (['out', 'in'] as const) : [query.direction]
  const items: Neighbour[] = []
  let truncated = false
  for (const direction of directions) {
    const room = query.limit - items.length
    const rows = neighbourRows(db, query.key, direction, query.edgeTypes, room + 1)
    if (rows.length > room) truncated = true
    for (let i = 0; i < Math.min(room, rows.length); i++) items.push(toNeighbour(query.key, direction, rows[i] as NeighbourRow))
  }
  // Only an empty answer needs to tell a lonely node from a missing one.
  if (items.length === 0 && !truncated && getNodeIdByKey(db, query.key) === undefined) throw nodeNotFound(query.key)
  return { items, truncated }
}
