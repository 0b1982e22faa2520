import type { Db } from '../db.ts'
import { statement } from './statements.ts'
import { nodeFilterSql, type NodeFilter } from './node-filter.ts'
import { NODE_COLUMNS, type NodeRow } from './rows.ts'
import { beginRead, endRead } from './read-snapshot.ts'

const and = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('')

/**
 * Runs a search's statements in one read transaction, unless the caller holds one already (a
 * reader's held snapshot): one snapshot for all of them, and the file locks taken once, not per statement.
 */
export function inOneSnapshot<T>(db: Db, read: () => T): T {
  if (db.inTransaction) return read()
  beginRead(db)
  try {
    return read()
  } finally {
    endRead(db)
  }
}

/** Nodes whose label equals the search text (NOCASE, through nodes_by_label), in id order after `afterId`. */
export function exactLabelRows(db: Db, label: string, filter: NodeFilter, afterId: number, limit: number): NodeRow[] {
  const { conditions, params } = nodeFilterSql(filter)
  const sql = `SELECT ${NODE_COLUMNS} FROM nodes n WHERE n.label = ? AND n.id > ?${and(conditions)} ORDER BY n.id LIMIT ?`
  return statement<unknown[], NodeRow>(db, sql).all(label, afterId, ...params, limit)
}

/**
 * Ids of matching nodes (passing the filter) in index order, newest first, below `beforeId`. No
 * auxiliary function runs and no row is read unless the filter needs it: the cost is bounded by
 * `limit`, not by how many nodes match (services/search-bm25.ts scores them).
 */
export function matchIdsNewestFirst(db: Db, match: string, options: { filter: NodeFilter; beforeId: number; limit: number }): number[] {
  const { conditions, params } = nodeFilterSql(options.filter)
  // CROSS JOIN keeps the full-text index as the outer loop, so rows arrive in its (rowid) order.
  const sql = `SELECT nodes_fts.rowid FROM nodes_fts${conditions.length > 0 ? ' CROSS JOIN nodes n ON n.id = nodes_fts.rowid' : ''}
    WHERE nodes_fts MATCH ? AND nodes_fts.rowid < ?${and(conditions)} ORDER BY nodes_fts.rowid DESC LIMIT ?`
  return statement<unknown[], number>(db, sql).pluck().all(match, options.beforeId, ...params, options.limit)
}

/**
 * The newest `limit` matching ids (passing the filter), newest first. When few matches are expected
 * (several words together: services/search-cache.ts estimates how many) they are read oldest first,
 * which FTS5 does faster, and newest first only when there turn out to be more than `limit`.
 */
export function newestMatchIds(db: Db, match: string, filter: NodeFilter, limit: number, fewExpected: boolean): number[] {
  const { conditions, params } = nodeFilterSql(filter)
  const join = conditions.length > 0 ? ' CROSS JOIN nodes n ON n.id = nodes_fts.rowid' : ''
  const where = `WHERE nodes_fts MATCH ?${and(conditions)}`
  if (fewExpected) {
    const sql = `SELECT nodes_fts.rowid FROM nodes_fts${join} ${where} ORDER BY nodes_fts.rowid LIMIT ?`
    const few = statement<unknown[], number>(db, sql).pluck().all(match, ...params, limit + 1)
    if (few.length <= limit) return few.reverse()
  }
  return statement<unknown[], number>(db, `SELECT nodes_fts.rowid FROM nodes_fts${join} ${where} ORDER BY nodes_fts.rowid DESC LIMIT ?`).pluck().all(match, ...params, limit)
}

/** Whether any node (passing the filter) has exactly this label: found through nodes_by_label. */
export function hasExactLabel(db: Db, label: string, filter: NodeFilter): boolean {
  const { conditions, params } = nodeFilterSql(filter)
  const sql = `SELECT 1 FROM nodes n WHERE n.label = ?${and(conditions)} LIMIT 1`
  return statement<unknown[], number>(db, sql).pluck().get(label, ...params) !== undefined
}

export function nodeRowsByIds(db: Db, ids: number[]): NodeRow[] {
  const sql = `SELECT ${NODE_COLUMNS} FROM nodes n WHERE n.id IN (SELECT value FROM json_each(?))`
  return statement<[string], NodeRow>(db, sql).all(JSON.stringify(ids))
}

/** The types of the first `limit` matching nodes, newest first: search.counts tallies them, capped. */
export function matchTypesNewestFirst(db: Db, match: string, filter: NodeFilter, limit: number): string[] {
  const { conditions, params } = nodeFilterSql(filter)
  const sql = `SELECT n.type FROM nodes_fts CROSS JOIN nodes n ON n.id = nodes_fts.rowid
    WHERE nodes_fts MATCH ?${and(conditions)} ORDER BY nodes_fts.rowid DESC LIMIT ?`
  return statement<unknown[], string>(db, sql).pluck().all(match, ...params, limit)
}

/** How many nodes the full-text index matches: its doclists only, no score and no row. */
export function countMatches(db: Db, match: string): number {
  return statement<[string], number>(db, 'SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH ?').pluck().get(match) ?? 0
}

/** Every matching node id in ascending order (read as one JSON array, parsed once). */
export function matchIdsAscending(db: Db, match: string): number[] {
  const sql = 'SELECT json_group_array(rowid) FROM (SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid)'
  return JSON.parse(statement<[string], string>(db, sql).pluck().get(match) ?? '[]')
}

/** Every matching node id, as one JSON array (parsed once, not a row object per match). */
export function allMatchIds(db: Db, match: string): number[] {
  return JSON.parse(statement<[string], string>(db, 'SELECT json_group_array(rowid) FROM nodes_fts WHERE nodes_fts MATCH ?').pluck().get(match) ?? '[]')
}
