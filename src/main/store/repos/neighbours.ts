import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { keysetAfterType, rememberedKeyset, typeCodeIn } from './edge-types.ts'
import { beginRead, endRead } from './read-snapshot.ts'

/** [edge id, edge type, edge props, weight, edge created, edge updated, other node id, key, type, label, props, created, updated, edge type code] */
export type NeighbourRow = [number, string, string, number, number, number, number, string, string, string, string, number, number, number]

/** Where a page starts: after this (edge type, other node id, edge id) of the direction asked. */
export interface NeighbourAfter {
  type: string
  other: number
  edge: number
}

export interface NeighbourFilter {
  edgeTypes: string[] | undefined
  /** Lower-cased text the other node's label or key must contain; '' for none. */
  text: string
}

const OTHER_END = { out: 'e.target', in: 'e.source' } as const
const THIS_END = { out: 'e.source', in: 'e.target' } as const
const sqlByShape = new Map<string, string>()

// lower() folds ASCII only, like the lower-casing of the text it is compared with for ASCII letters.
const TEXT_MATCH = '(instr(lower(n.label), ?) > 0 OR instr(lower(n.key), ?) > 0)'

function filterSql(direction: 'out' | 'in', typeCount: number, text: boolean): string {
  const typeFilter = typeCount ? `AND ${typeCodeIn('e.type_code', typeCount)}` : ''
  return `${THIS_END[direction]} = ? ${typeFilter} ${text ? `AND ${TEXT_MATCH}` : ''}`
}

function cachedSql(shape: string, build: () => string): string {
  let sql = sqlByShape.get(shape)
  if (!sql) sqlByShape.set(shape, (sql = build()))
  return sql
}

function filterParams(nodeId: number, filter: NeighbourFilter): unknown[] {
  return [nodeId, ...(filter.edgeTypes ?? []), ...(filter.text ? [filter.text, filter.text] : [])]
}

/**
 * Edges leaving (out) or entering (in) a node, with the node at their other end, in index order
 * (type, other node, id), starting after `after`: a keyset page read from the traversal index (types as their codes, in name order).
 */
export function neighbourRows(db: Db, nodeId: number, direction: 'out' | 'in', filter: NeighbourFilter, after: NeighbourAfter | null, limit: number): NeighbourRow[] {
  const typeCount = filter.edgeTypes?.length ?? 0
  const sql = cachedSql(`rows:${direction}:${typeCount}:${filter.text !== ''}:${after !== null}`, () => `SELECT e.id, e.type, e.props, e.weight, e.created_at, e.updated_at,
      n.id, n.key, n.type, n.label, n.props, n.created_at, n.updated_at, e.type_code
    FROM edges e JOIN nodes n ON n.id = ${OTHER_END[direction]}
    WHERE ${filterSql(direction, typeCount, filter.text !== '')}
      ${after ? `AND (e.type_code, ${OTHER_END[direction]}, e.id) > (?, ?, ?)` : ''}
    ORDER BY e.type_code, ${OTHER_END[direction]}, e.id LIMIT ?`)
  const page = statement<unknown[], NeighbourRow>(db, sql).raw()
  if (!after) return page.all(...filterParams(nodeId, filter), limit)
  const params = filterParams(nodeId, filter)
  if (db.inTransaction) return page.all(...params, ...keysetAfterType(db, after, false), limit)
  // The cursor's code as remembered, when the page proves it still holds: its first edge, of the cursor's type, carries
  // that code (every edge of a type carries the type's code in the page's snapshot); or no other connection has committed
  // since. Else the code and the page are read again in one snapshot.
  const remembered = rememberedKeyset(db, after)
  if (remembered) {
    const rows = page.all(...params, ...remembered.keyset, limit)
    const first = rows[0]
    if (first && first[1] === after.type && first[13] === remembered.code) return rows
    if (remembered.stillCurrent()) return rows
  }
  beginRead(db)
  try {
    return page.all(...params, ...keysetAfterType(db, after, true), limit)
  } finally {
    endRead(db)
  }
}

/** How many edges of one direction match a filter with text (without text the adjacency cache counts). */
export function countNeighbourRows(db: Db, nodeId: number, direction: 'out' | 'in', filter: NeighbourFilter): number {
  const typeCount = filter.edgeTypes?.length ?? 0
  const sql = cachedSql(`count:${direction}:${typeCount}:${filter.text !== ''}`, () => `SELECT count(*)
    FROM edges e JOIN nodes n ON n.id = ${OTHER_END[direction]} WHERE ${filterSql(direction, typeCount, filter.text !== '')}`)
  return statement<unknown[], number>(db, sql).pluck().get(...filterParams(nodeId, filter)) as number
}

/** [edge type, count] of one direction's edges whose other node's label or key contains `text` (lower-cased). */
export function neighbourTypeCountsMatching(db: Db, nodeId: number, direction: 'out' | 'in', text: string): [string, number][] {
  const sql = cachedSql(`types:${direction}`, () => `SELECT e.type, count(*)
    FROM edges e JOIN nodes n ON n.id = ${OTHER_END[direction]} WHERE ${filterSql(direction, 0, true)} GROUP BY e.type`)
  return statement<unknown[], [string, number]>(db, sql).raw().all(nodeId, text, text)
}

/** Ids of the nodes at the other end of one direction's edges whose label or key contains `text` (lower-cased). */
export function neighbourIdsMatching(db: Db, nodeId: number, direction: 'out' | 'in', text: string): number[] {
  const sql = cachedSql(`ids:${direction}`, () => `SELECT DISTINCT n.id
    FROM edges e JOIN nodes n ON n.id = ${OTHER_END[direction]} WHERE ${filterSql(direction, 0, true)}`)
  return statement<unknown[], number>(db, sql).pluck().all(nodeId, text, text)
}
