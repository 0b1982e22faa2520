import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { GraphKeepError } from '../../shared/errors.ts'
import { APPLICATION_ID } from './application-id.ts'
import { LATEST_SCHEMA_VERSION, migrations as allMigrations, type Migration } from './migrations/index.ts'
import { migrate } from './migrate.ts'
import { rebuildStoreFile } from './repos/health.ts'
import { countTables } from './repos/info.ts'
import { applicationIdOf, applyReaderSettings, applyWriterSettings, optimizeAndCheckpoint, schemaVersionOf } from './repos/pragmas.ts'
import { missingSidecars, removeEmptySidecars } from './sidecars.ts'
import { checkSqliteShape } from './sqlite-header.ts'

export type Db = Database.Database

/**
 * Looks at an existing file read-only before anything writes to it, so that a foreign or
 * newer file is refused untouched.
 */
function inspectExisting(file: string, afterRecovery = false): void {
  const sidecars = missingSidecars(file)
  let db: Db | undefined
  try {
    // timeout 0: a store held by another process is reported at once, not after the busy timeout.
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 })
    const applicationId = applicationIdOf(db)
    // Only now, once SQLite has said no connection holds the file: reading it through fs would drop
    // this process's locks on it. A file cut inside its header reads as an empty database to SQLite.
    if (!checkSqliteShape(file).isSqlite) throw new GraphKeepError('NOT_A_STORE', `${file} is not a GraphKeep store (not a SQLite database)`)
    const version = schemaVersionOf(db)
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || countTables(db) > 0)) {
      throw new GraphKeepError('FOREIGN_APPLICATION', `${file} is a SQLite database of another application`, { applicationId })
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new GraphKeepError(
        'SCHEMA_TOO_NEW',
        `${file} was written by a newer GraphKeep (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION})`,
        { storeVersion: version, appVersion: LATEST_SCHEMA_VERSION },
      )
    }
  } catch (error) {
    if (error instanceof GraphKeepError) throw error
    const code = (error as { code?: string }).code
    if (code?.startsWith('SQLITE_BUSY')) throw busyAsTyped(error, file)
    if (!afterRecovery && (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY')) {
      db?.close()
      db = undefined
      recoverAfterCrash(file)
      return inspectExisting(file, true)
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new GraphKeepError('NOT_A_STORE', `${file} is not a GraphKeep store (not a SQLite database)`)
    }
    throw error
  } finally {
    db?.close()
    removeEmptySidecars(sidecars)
  }
}

/**
 * A process that died while writing left a hot rollback journal (or a WAL index to rebuild), which a
 * read-only connection may not repair: a writable one does, as SQLite does for any opener, restoring the
 * last committed state. (The swap of an import and a restore put files in rollback mode in place.)
 */
function recoverAfterCrash(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 })
  try {
    schemaVersionOf(db)
  } finally {
    db.close()
  }
}

function busyAsTyped(error: unknown, file: string): unknown {
  const code = (error as { code?: string }).code
  if (!code?.startsWith('SQLITE_BUSY')) return error
  return new GraphKeepError('STORE_BUSY', `${file} is open in another GraphKeep process; close it there first`)
}

export interface OpenDatabaseOptions {
  /** Runs before pending migrations are applied to a store that already has a schema. */
  beforeMigrate?: (db: Db) => void
  migrations?: readonly Migration[]
}

/**
 * Opens a store read-only for inspection (a backup, say): nothing is written to it, no migration runs.
 * Backups are sealed in rollback-journal mode, so reading one creates no -wal beside it.
 */
export function openDatabaseReadOnly(file: string): Db {
  if (!existsSync(file)) throw new GraphKeepError('NOT_FOUND', `${file} does not exist`)
  inspectExisting(file)
  const sidecars = missingSidecars(file)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  sidecarsMadeBy.set(db, sidecars)
  applyReaderSettings(db)
  return db
}

// A read-only connection to a store in WAL mode makes a -wal and -shm it cannot remove itself (D7).
const sidecarsMadeBy = new WeakMap<Db, string[]>()

/** Opens or creates a store file: WAL, FULL sync, foreign keys, the current schema. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (existsSync(file) && statSync(file).size > 0) inspectExisting(file)
  const db = new Database(file)
  try {
    applyWriterSettings(db)
    const migrations = options.migrations ?? allMigrations
    const current = schemaVersionOf(db)
    if (options.beforeMigrate && current > 0 && current < (migrations.at(-1)?.version ?? 0)) options.beforeMigrate(db)
    migrate(db, migrations)
    // A new store is built by every migration in turn; the tables they rebuild leave pages behind.
    if (current === 0) rebuildStoreFile(db)
    return db
  } catch (error) {
    db.close()
    throw busyAsTyped(error, file)
  }
}

/** Closes a connection; a writable one leaves fresh planner statistics and an empty WAL behind. */
export function closeDatabase(db: Db): void {
  if (!db.open) return
  if (!db.readonly) optimizeAndCheckpoint(db)
  db.close()
  removeEmptySidecars(sidecarsMadeBy.get(db) ?? [])
}

/**
 * Opens any SQLite file with no checks and no settings: for the copies a backup seals and the
 * candidate files a verification reads, which report their own errors.
 */
export function openSqliteFile(file: string, options?: Database.Options): Db {
  return new Database(file, options)
}

/** The path of the file whose lock says which process owns a store. */
export const lockFileOf = (file: string) => `${file}.lock`

export interface StoreLock {
  /** Removes the lock file and lets the lock go. */
  release(): void
}

const LOCK_ATTEMPTS = 5

/**
 * Takes the lock that makes one process the owner of a store, now that the store itself is opened
 * in SQLite's normal locking mode (so that readers in other threads can share it): an exclusive
 * transaction held open on an empty SQLite file beside the store. The kernel lets it go when the
 * process dies, and SQLite's own bookkeeping refuses a second connection in the same process.
 * A lock on a file that its releaser unlinked in the meantime is no lock: then it tries again.
 */
export function lockStore(file: string): StoreLock {
  const path = lockFileOf(file)
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    closeSync(openSync(path, 'a'))
    const inode = statSync(path).ino
    const lock = new Database(path, { timeout: 0 })
    try {
      lock.pragma('locking_mode = EXCLUSIVE')
      lock.exec('BEGIN EXCLUSIVE')
    } catch (error) {
      lock.close()
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new GraphKeepError('STORE_BUSY', `${file} is open in another GraphKeep process (or window); close it there first`)
      }
      throw error
    }
    if (statSync(path, { throwIfNoEntry: false })?.ino === inode) {
      return {
        release() {
          if (!lock.open) return
          // Unlinked while still held, so that a process waiting for it never locks a file nobody will see again.
          rmSync(path, { force: true })
          lock.close()
        },
      }
    }
    lock.close()
  }
  throw new GraphKeepError('STORE_BUSY', `${file} is being opened and closed by another process; try again`)
}

/**
 * A read-only connection to a store another connection of this process owns: no inspection of the
 * file through fs (closing such a handle would drop the owner's locks), and WAL reads beside the writer.
 */
export function openReaderConnection(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  applyReaderSettings(db)
  return db
}
