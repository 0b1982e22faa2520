import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** [edge id, edge type, edge props, weight, edge created, edge updated, key, type, label, props, created, updated] */
export type NeighbourRow = [number, string, string, number, number, number, string, string, string, string, number, number]

const OTHER_END = { out: 'e.target', in: 'e.source' } as const
const THIS_END = { out: 'e.source', in: 'e.target' } as const
const sqlByShape = new Map<string, string>()

function neighbourSql(direction: 'out' | 'in', typeCount: number): string {
  const shape = `${direction}${typeCount}`
  let sql = sqlByShape.get(shape)
  if (sql) return sql
  const typeFilter = typeCount ? `AND e.type IN (${Array.from({ length: typeCount }, () => '?').join(', ')})` : ''
  sql = `SELECT e.id, e.type, e.props, e.weight, e.created_at, e.updated_at,
      n.key, n.type, n.label, n.props, n.created_at, n.updated_at
    FROM edges e JOIN nodes n ON n.id = ${OTHER_END[direction]}
    WHERE ${THIS_END[direction]} = ? ${typeFilter}
    ORDER BY e.type, ${OTHER_END[direction]}, e.id LIMIT ?`
  sqlByShape.set(shape, sql)
  return sql
}

/** Edges leaving (out) or entering (in) a node, with the node at their other end, in index order (type, other node, id). */
export function neighbourRows(db: Db, nodeId: number, direction: 'out' | 'in', edgeTypes: string[] | undefined, limit: number): NeighbourRow[] {
  const types = edgeTypes ?? []
  return statement<unknown[], NeighbourRow>(db, neighbourSql(direction, types.length)).raw().all(nodeId, ...types, limit)
}

