import type { Db } from '../db.ts'
import { statement } from './statements.ts'

// Every PRAGMA the store issues, named for what it is for. (The attached import scratch's own
// settings stay beside its ATTACH, in import-staging.ts.)

const PAGE_CACHE_KIB = 64 * 1024

/** The settings of the one connection that owns a writable store. */
export function applyWriterSettings(db: Db): void {
  // Normal locking, so that the reader pool's connections can share the store; one process still
  // owns it through the lock file (db.ts lockStore). Each read transaction pays a few lock syscalls.
  db.pragma('journal_mode = WAL')
  // FULL: a committed change survives power loss too; bulk writes commit in large batches.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  db.pragma('temp_store = MEMORY')
  db.pragma('mmap_size = 268435456')
}

export function applyReaderSettings(db: Db): void {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  db.pragma('mmap_size = 268435456')
  db.pragma('busy_timeout = 5000')
}

/** Before a writable connection closes: fresh planner statistics, and the WAL folded into the file and emptied. */
export function optimizeAndCheckpoint(db: Db): void {
  db.pragma('optimize')
  db.pragma('wal_checkpoint(TRUNCATE)')
}

export function applicationIdOf(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function setSchemaVersion(db: Db, version: number): void {
  db.pragma(`user_version = ${Math.trunc(version)}`)
}

/** A copied file becomes self-contained: with a rollback journal, read-only opens add no -wal beside it. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE')
}

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

/**
 * Copies the WAL into the store file and empties it, waiting for readers at most `busyMs`: true when
 * it completed (SQLite's busy = 0), false when a reader's snapshot still needed the WAL.
 */
export function tryTruncateWal(db: Db, busyMs: number): boolean {
  const before = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma(`busy_timeout = ${Math.trunc(busyMs)}`)
  try {
    const [result] = statement<[], { busy: number }>(db, 'PRAGMA wal_checkpoint(TRUNCATE)').all()
    return result?.busy === 0
  } finally {
    db.pragma(`busy_timeout = ${Number(before)}`)
  }
}

/** Refreshes the planner's statistics where SQLite thinks they are stale, reading at most ~1000 rows per index. */
export function refreshPlannerStatistics(db: Db): void {
  statement(db, 'PRAGMA analysis_limit = 1000').all()
  statement(db, 'PRAGMA optimize').run()
}

export function setForeignKeys(db: Db, on: boolean): void {
  db.pragma(`foreign_keys = ${on ? 'ON' : 'OFF'}`)
}

/** Runs `run` with temp_store = FILE (the sorter spills to disk), then puts the setting back. */
export function withTempStoreOnDisk<T>(db: Db, run: () => T): T {
  const before = db.pragma('temp_store', { simple: true }) as number
  db.pragma('temp_store = FILE')
  try {
    return run()
  } finally {
    db.pragma(`temp_store = ${Number(before)}`)
  }
}

/** Runs `run` with memory-mapped reads off and a page cache of `cacheKib`, then puts both back. */
export async function withSmallPageCache<T>(db: Db, cacheKib: number, run: () => Promise<T>): Promise<T> {
  const mmapSize = db.pragma('mmap_size', { simple: true }) as number
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('mmap_size = 0')
  db.pragma(`cache_size = -${Math.trunc(cacheKib)}`)
  try {
    return await run()
  } finally {
    db.pragma(`mmap_size = ${Number(mmapSize)}`)
    db.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

/**
 * A store file being built beside the live one by an import (transfer/swap-import.ts): no journal, no
 * sync and one connection, because a crash discards the file; it is synced once, before it is swapped in.
 */
export function applyUnjournaledSettings(db: Db, cacheKib: number): void {
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = OFF')
  db.pragma(`cache_size = -${Math.trunc(cacheKib)}`)
  db.pragma('temp_store = FILE')
}

/** The built file's own journal mode back to a rollback journal before it is closed and swapped in. */
export function endUnjournaled(db: Db): void {
  db.pragma('journal_mode = DELETE')
  db.pragma('optimize')
}

/** Changes whenever another connection commits to the database: two equal readings mean the statements between saw one state. */
export function dataVersion(db: Db): number {
  return statement<[], number>(db, 'PRAGMA data_version').pluck().get() as number
}
