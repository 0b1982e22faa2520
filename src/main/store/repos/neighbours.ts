import type { Db } from '../db.ts'
import { statement } from '../statements.ts'

export interface NeighbourRow {
  edge_id: number
  edge_type: string
  edge_props: string
  weight: number
  edge_created_at: number
  edge_updated_at: number
  key: string
  type: string
  label: string
  props: string
  created_at: number
  updated_at: number
}

const JOIN = { out: 'e.target', in: 'e.source' } as const
const FROM = { out: 'e.source', in: 'e.target' } as const

/** Edges leaving (out) or entering (in) a node, with the node at their other end; index order. */
export function neighbourRows(db: Db, nodeId: number, direction: 'out' | 'in', edgeTypes: string[] | undefined, limit: number): NeighbourRow[] {
  const typeFilter = edgeTypes?.length ? `AND e.type IN (${edgeTypes.map(() => '?').join(', ')})` : ''
  const sql = `SELECT e.id AS edge_id, e.type AS edge_type, e.props AS edge_props, e.weight,
      e.created_at AS edge_created_at, e.updated_at AS edge_updated_at,
      n.key, n.type, n.label, n.props, n.created_at, n.updated_at
    FROM edges e JOIN nodes n ON n.id = ${JOIN[direction]}
    WHERE ${FROM[direction]} = ? ${typeFilter} ORDER BY e.type, ${JOIN[direction]} LIMIT ?`
  return statement<unknown[], NeighbourRow>(db, sql).all(nodeId, ...(edgeTypes ?? []), limit)
}
