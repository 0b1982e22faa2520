import type { NewQueryLogEntry, QueryLogEntry, QueryLogFilters } from '../../../shared/querylog.ts'
import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// The query log table. Ids grow by one per row and only the oldest rows are ever deleted, so the
// newest N rows are exactly those with id > max(id) - N.

interface QueryLogRow {
  id: number
  at: number
  method: string
  params: string | null
  params_truncated: number
  duration_ms: number
  row_count: number | null
  error_code: string | null
  error_message: string | null
  origin: QueryLogEntry['origin']
}

const COLUMNS = 'id, at, method, params, params_truncated, duration_ms, row_count, error_code, error_message, origin'

const toEntry = (row: QueryLogRow): QueryLogEntry => ({
  id: row.id,
  at: row.at,
  method: row.method,
  params: row.params,
  paramsTruncated: row.params_truncated === 1,
  durationMs: row.duration_ms,
  rowCount: row.row_count,
  errorCode: row.error_code,
  errorMessage: row.error_message,
  origin: row.origin,
})

export function insertQueryLogEntries(db: Db, entries: readonly NewQueryLogEntry[]): void {
  const insert = statement(
    db,
    `INSERT INTO query_log (at, method, params, params_truncated, duration_ms, row_count, error_code, error_message, origin)
     VALUES (@at, @method, @params, @paramsTruncated, @durationMs, @rowCount, @errorCode, @errorMessage, @origin)`,
  )
  for (const entry of entries) insert.run({ ...entry, paramsTruncated: entry.paramsTruncated ? 1 : 0 })
}

/** Drops the oldest rows beyond `keep`, in one statement; answers how many went. */
export function trimQueryLog(db: Db, keep: number): number {
  const bounds = statement<[], { low: number | null; high: number | null }>(db, 'SELECT min(id) AS low, max(id) AS high FROM query_log').get()
  if (!bounds || bounds.low === null || bounds.high === null) return 0
  const lastDropped = bounds.high - keep
  if (bounds.low > lastDropped) return 0
  return statement<[number]>(db, 'DELETE FROM query_log WHERE id <= ?').run(lastDropped).changes
}

/** The WHERE clause of the filters: fixed fragments joined, every value bound. */
function whereOf(filters: QueryLogFilters): { clause: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  const add = (fragment: string, ...values: unknown[]) => {
    parts.push(fragment)
    params.push(...values)
  }
  // One call (what the page asks for) reads the call's index in id order; several go through json_each.
  if (filters.methods?.length === 1) add('method = ?', filters.methods[0])
  else if (filters.methods?.length) add('method IN (SELECT value FROM json_each(?))', JSON.stringify(filters.methods))
  if (filters.minDurationMs !== undefined) add('duration_ms >= ?', filters.minDurationMs)
  if (filters.errorsOnly) add('error_code IS NOT NULL')
  if (filters.origins?.length) add('origin IN (SELECT value FROM json_each(?))', JSON.stringify(filters.origins))
  if (filters.from !== undefined) add('at >= ?', filters.from)
  if (filters.to !== undefined) add('at <= ?', filters.to)
  const text = filters.text?.trim().toLowerCase()
  if (text) add("(instr(lower(coalesce(params, '')), ?) > 0 OR instr(lower(coalesce(error_message, '')), ?) > 0)", text, text)
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const andWhere = (clause: string, fragment: string) => (clause ? `${clause} AND ${fragment}` : `WHERE ${fragment}`)

/** Newest first, after the entry `beforeId` when given. */
export function listQueryLogRows(db: Db, filters: QueryLogFilters, limit: number, beforeId: number | null): QueryLogEntry[] {
  const where = whereOf(filters)
  const clause = beforeId === null ? where.clause : andWhere(where.clause, 'id < ?')
  const params = beforeId === null ? where.params : [...where.params, beforeId]
  return statement<unknown[], QueryLogRow>(db, `SELECT ${COLUMNS} FROM query_log ${clause} ORDER BY id DESC LIMIT ?`)
    .all(...params, limit)
    .map(toEntry)
}

export function getQueryLogRow(db: Db, id: number): QueryLogEntry | undefined {
  const row = statement<[number], QueryLogRow>(db, `SELECT ${COLUMNS} FROM query_log WHERE id = ?`).get(id)
  return row && toEntry(row)
}

export function slowestQueryLogRows(db: Db, filters: QueryLogFilters, limit: number): QueryLogEntry[] {
  const where = whereOf(filters)
  return statement<unknown[], QueryLogRow>(db, `SELECT ${COLUMNS} FROM query_log ${where.clause} ORDER BY duration_ms DESC, id DESC LIMIT ?`)
    .all(...where.params, limit)
    .map(toEntry)
}

/** [at, method, durationMs, failed] of every entry that passes the filters, oldest first: what the statistics are made of. */
export type TimingRow = [at: number, method: string, durationMs: number, failed: 0 | 1]

export function queryLogTimings(db: Db, filters: QueryLogFilters): TimingRow[] {
  const where = whereOf(filters)
  return statement<unknown[], TimingRow>(db, `SELECT at, method, duration_ms, error_code IS NOT NULL FROM query_log ${where.clause} ORDER BY id`)
    .raw()
    .all(...where.params) as TimingRow[]
}
