import type { ListNodesQuery } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { NodeIds } from '../../../shared/node-query.ts'
import type { ParsedInput } from '../../../shared/contract.ts'
import type { Db } from '../db.ts'
import { decodeCursor, encodeCursor } from '../repos/cursor.ts'
import { listNodeRows } from '../repos/list-nodes.ts'
import type { NodeRow } from '../repos/rows.ts'
import { nodeColumnsOf } from './node-columns.ts'
import { matchingNodeIds } from './node-match.ts'

/**
 * nodes.list with property predicates: the matching ids come from the in-memory columns. When they
 * are few, SQL reads and sorts only those rows; when they are many, a page fills after a short
 * walk of the sort index, and SQL evaluates the predicates on the way (as without columns).
 */
export function listFilteredNodeRows(db: Db, query: ListNodesQuery): { rows: NodeRow[]; nextCursor: string | null } {
  if (!query.where?.length) return listNodeRows(db, query)
  const ids = matchingNodeIds(db, query)
  if (query.sort === 'none' && !query.labelPrefix) return pageInIdOrder(db, query, ids)
  // Reading m rows by id costs about m; the index walk about limit × live / m rows (each with the predicates).
  const live = nodeColumnsOf(db).liveCount
  if (ids.length * ids.length <= (query.limit + 1) * live * 4) return listNodeRows(db, query, ids)
  return listNodeRows(db, query)
}

/** Unsorted paging: the page's ids are sliced from the match list; only their rows are read. */
function pageInIdOrder(db: Db, query: ListNodesQuery, ids: Int32Array): { rows: NodeRow[]; nextCursor: string | null } {
  const ascending = query.order !== 'desc'
  const after = query.cursor ? (decodeCursor(query.cursor, 1)[0] as number) : null
  const start = after === null ? (ascending ? 0 : ids.length - 1) : firstBeyond(ids, after, ascending)
  const page: number[] = []
  for (let i = start; i >= 0 && i < ids.length && page.length < query.limit + 1; i += ascending ? 1 : -1) page.push(ids[i] as number)
  return listNodeRows(db, { ...query, cursor: undefined, limit: query.limit }, page)
}

/** The index of the first id past `after` in the walking direction (binary search). */
function firstBeyond(ids: Int32Array, after: number, ascending: boolean): number {
  let low = 0, high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((ids[mid] as number) <= after) low = mid + 1
    else high = mid
  }
  return ascending ? low : low - 1 - (low > 0 && ids[low - 1] === after ? 1 : 0)
}

export function countNodes(db: Db, query: ParsedInput<'nodes.count'>): number {
  return matchingNodeIds(db, query).length
}

/** Keys of the matching nodes in id order, a page at a time; the cursor is the last id given. */
export function nodeIdsPage(db: Db, query: ParsedInput<'nodes.ids'>): NodeIds {
  const ids = matchingNodeIds(db, query)
  let after = 0
  if (query.cursor) {
    const [value] = decodeCursor(query.cursor, 1)
    if (typeof value !== 'number') throw new GraphKeepError('VALIDATION', 'the cursor is not valid for this listing; start again from the first page')
    after = value
  }
  const start = firstBeyond(ids, after, true)
  const end = Math.min(ids.length, start + query.limit)
  const keys = nodeColumnsOf(db).column({ field: 'key' })
  const out: string[] = new Array(end - start)
  for (let i = start; i < end; i++) out[i - start] = keys.texts[keys.codes[ids[i] as number] as number] as string
  return { keys: out, nextCursor: end < ids.length ? encodeCursor([ids[end - 1] as number]) : null }
}
