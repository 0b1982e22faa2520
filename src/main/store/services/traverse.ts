import type { Neighbour, NeighboursQuery, Neighbours } from '../../../shared/domain.ts'
import type { Db } from '../db.ts'
import { neighbourRows, type NeighbourRow } from '../repos/neighbours.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { nodeNotFound } from './nodes.ts'

function toNeighbour(key: string, direction: 'out' | 'in', row: NeighbourRow): Neighbour {
  return {
    direction,
    edge: {
      id: row.edge_id,
      source: direction === 'out' ? key : row.key,
      target: direction === 'out' ? row.key : key,
      type: row.edge_type,
      properties: JSON.parse(row.edge_props),
      weight: row.weight,
      createdAt: row.edge_created_at,
      updatedAt: row.edge_updated_at,
    },
    node: {
      key: row.key,
      type: row.type,
      label: row.label,
      properties: JSON.parse(row.props),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  }
}

/** The edges at a node and the nodes at their other ends: outgoing first, then incoming, up to the limit. */
export function neighbours(db: Db, query: NeighboursQuery): Neighbours {
  const id = getNodeIdByKey(db, query.key)
  if (id === undefined) throw nodeNotFound(query.key)
  const directions = query.direction === 'both' ? (['out', 'in'] as const) : [query.direction]
  const items: Neighbour[] = []
  let truncated = false
  for (const direction of directions) {
    const room = query.limit - items.length
    const rows = neighbourRows(db, id, direction, query.edgeTypes, room + 1)
    if (rows.length > room) truncated = true
    for (let i = 0; i < Math.min(room, rows.length); i++) items.push(toNeighbour(query.key, direction, rows[i] as NeighbourRow))
  }
  return { items, truncated }
}
