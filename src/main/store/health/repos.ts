import type { Db } from '../db.ts'
import { statement } from '../statements.ts'

/** SQLite stops after this many integrity messages; the page shows no more than that anyway. */
export const MAX_INTEGRITY_MESSAGES = 100

/** `['ok']` when the check finds nothing, otherwise one message per problem. */
export function integrityMessages(db: Db, full: boolean): string[] {
  const sql = full ? `PRAGMA integrity_check(${MAX_INTEGRITY_MESSAGES})` : `PRAGMA quick_check(${MAX_INTEGRITY_MESSAGES})`
  return statement<[], string>(db, sql).pluck().all()
}

export function countForeignKeyViolations(db: Db): number {
  return statement<[], number>(db, 'SELECT count(*) FROM pragma_foreign_key_check').pluck().get() ?? 0
}

export function countDanglingEdges(db: Db): number {
  const sql = `SELECT count(*) FROM edges e
    WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.source) OR NOT EXISTS (SELECT 1 FROM nodes WHERE id = e.target)`
  return statement<[], number>(db, sql).pluck().get() ?? 0
}

/** Nodes with no edge in either direction; each probe is one seek in edges_out or edges_in. */
export function countIsolatedNodes(db: Db): number {
  const sql = `SELECT count(*) FROM nodes n
    WHERE NOT EXISTS (SELECT 1 FROM edges WHERE source = n.id) AND NOT EXISTS (SELECT 1 FROM edges WHERE target = n.id)`
  return statement<[], number>(db, sql).pluck().get() ?? 0
}

export interface PageCounts {
  pageSize: number
  pageCount: number
  freelistCount: number
}

export function pageCounts(db: Db): PageCounts {
  const read = (sql: string) => statement<[], number>(db, sql).pluck().get() ?? 0
  return { pageSize: read('PRAGMA page_size'), pageCount: read('PRAGMA page_count'), freelistCount: read('PRAGMA freelist_count') }
}

/** Copies the WAL into the store file and empties it, so the file sizes tell the truth. */
export function checkpointAndTruncateWal(db: Db): void {
  statement(db, 'PRAGMA wal_checkpoint(TRUNCATE)').all()
}

export function rebuildStoreFile(db: Db): void {
  statement(db, 'VACUUM').run()
}

/** Refreshes the planner's statistics where SQLite thinks they are stale, reading at most ~1000 rows per index. */
export function refreshPlannerStatistics(db: Db): void {
  statement(db, 'PRAGMA analysis_limit = 1000').all()
  statement(db, 'PRAGMA optimize').run()
}
