import type { ListEdgesQuery } from '../../../shared/domain.ts'
import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { typeCodeIn } from './edge-types.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'
import { EDGE_COLUMNS, type EdgeRow } from './rows.ts'

export type ListedEdgeRow = EdgeRow & { source_label: string; target_label: string }

/** One page of edges in id order, optionally of some types or from/to one node; with the endpoints' labels. */
export function listEdgeRows(db: Db, query: ListEdgesQuery): { rows: ListedEdgeRow[]; nextCursor: string | null } {
  const where: string[] = []
  const params: unknown[] = []
  if (query.types?.length) {
    where.push(typeCodeIn('e.type_code', query.types.length))
    params.push(...query.types)
  }
  if (query.source !== undefined) {
    where.push('e.source = (SELECT id FROM nodes WHERE key = ?)')
    params.push(query.source)
  }
  if (query.target !== undefined) {
    where.push('e.target = (SELECT id FROM nodes WHERE key = ?)')
    params.push(query.target)
  }
  const direction = query.order === 'desc' ? 'DESC' : 'ASC'
  if (query.cursor) {
    where.push(`e.id ${direction === 'ASC' ? '>' : '<'} ?`)
    params.push(...decodeCursor(query.cursor, 1))
  }
  const sql = `SELECT ${EDGE_COLUMNS}, s.label AS source_label, t.label AS target_label FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id ${direction} LIMIT ?`
  const rows = statement<unknown[], ListedEdgeRow>(db, sql).all(...params, query.limit + 1)
  if (rows.length <= query.limit) return { rows, nextCursor: null }
  rows.length = query.limit
  return { rows, nextCursor: encodeCursor([(rows[rows.length - 1] as ListedEdgeRow).id]) }
}
