import type { ListNodesQuery } from '../../../shared/domain.ts'
import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'
import { nodeFilterSql, placeholders } from './node-filter.ts'
import { NODE_COLUMNS, type NodeRow } from './rows.ts'

const SORT_COLUMNS = {
  label: ['label', 'id'],
  key: ['key', 'id'],
  type: ['type', 'label', 'id'],
  // No order asked: the table's own (id) order, which needs no sort and no index but the rowid.
  none: ['id'],
} as const satisfies Record<ListNodesQuery['sort'], readonly (keyof NodeRow)[]>

/**
 * One page of nodes in sort order, with the cursor of the next page. SQL text varies only in shape.
 * `matching`: the ids that pass the query's types and property predicates, when the caller found
 * them already (in memory); the predicates are then not evaluated again in SQL.
 */
export function listNodeRows(db: Db, query: ListNodesQuery, matching?: ArrayLike<number>): { rows: NodeRow[]; nextCursor: string | null } {
  const { conditions: where, params } = matching ? { conditions: ['n.id IN (SELECT value FROM json_each(?))'], params: [idsJson(matching)] } : nodeFilterSql(query)
  if (query.labelPrefix) {
    // 0xF5 never starts a UTF-8 character, so prefix || 0xF5 sorts above every label with the prefix.
    where.push("n.label >= ? AND n.label < (? || CAST(x'F5' AS TEXT))")
    params.push(query.labelPrefix, query.labelPrefix)
  }
  const columns = SORT_COLUMNS[query.sort].map((c) => `n.${c}`)
  const direction = query.order === 'desc' ? 'DESC' : 'ASC'
  if (query.cursor) {
    where.push(`(${columns.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${placeholders(columns.length)})`)
    params.push(...decodeCursor(query.cursor, columns.length))
  }
  const sql = `SELECT ${NODE_COLUMNS} FROM nodes n ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${columns.map((c) => `${c} ${direction}`).join(', ')} LIMIT ?`
  const rows = statement<unknown[], NodeRow>(db, sql).all(...params, query.limit + 1)
  if (rows.length <= query.limit) return { rows, nextCursor: null }
  rows.length = query.limit
  const last = rows[rows.length - 1] as NodeRow
  return { rows, nextCursor: encodeCursor(SORT_COLUMNS[query.sort].map((c) => last[c])) }
}

function idsJson(ids: ArrayLike<number>): string {
  let json = '['
  for (let i = 0; i < ids.length; i++) json += i === 0 ? String(ids[i]) : `,${ids[i]}`
  return `${json}]`
}
