import { rmSync, statSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { openSqliteFile, type Db } from '../db.ts'
import { schemaVersionOf, tryTruncateWal } from '../repos/pragmas.ts'
import { beginRead, endRead } from '../repos/read-snapshot.ts'
import { copyInChildProcess, CP, type HeaderPatch } from './copy-process.ts'

// Readers keep a snapshot at most 50 ms (held-snapshot.ts): a few short waits outlast them.
const CHECKPOINT_ATTEMPTS = 5
const CHECKPOINT_BUSY_MS = 100
const RETRY_PAUSE_MS = 20

const walBytes = (storeFile: string) => statSync(`${storeFile}-wal`, { throwIfNoEntry: false })?.size ?? 0

/**
 * Starts a read transaction on `snapshot` that reads the store file alone. Right after a complete
 * TRUNCATE checkpoint the WAL is empty, and nothing commits before the snapshot starts (this thread
 * is the store's only writer and is busy here). The WAL still empty once the snapshot exists proves
 * it: a snapshot that took WAL frames would have kept any checkpoint from truncating them. Such a
 * reader holds WAL read mark 0, and no checkpoint writes into the store file while it lasts.
 */
async function freezeStoreFile(db: Db, snapshot: Db, storeFile: string): Promise<boolean> {
  for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(RETRY_PAUSE_MS)
    // A write transaction kept open across awaits (an import's step) must not be checkpointed under.
    if (db.inTransaction || !tryTruncateWal(db, CHECKPOINT_BUSY_MS)) continue
    beginRead(snapshot)
    schemaVersionOf(snapshot)
    if (walBytes(storeFile) === 0) return true
    endRead(snapshot)
  }
  return false
}

/**
 * The copy's header says "rollback journal" (format bytes 18 and 19 = 1) instead of WAL, as
 * `journal_mode = DELETE` would leave it: the snapshot read the store file alone, so the copy needs
 * no WAL, and read-only opens of it add no -wal beside it.
 */
const ROLLBACK_JOURNAL: HeaderPatch = {
  length: 100,
  apply(head) {
    if (head.length >= 20) head.fill(1, 18, 20)
  },
}

/**
 * Copies the store file at disk speed while writes go on into the WAL, sealed (rollback journal) and
 * checksummed as it is copied: the sha256 of the copy, or null (and nothing written) when the file
 * could not be frozen, so the caller uses the online backup API instead. Not on Windows, where the
 * copy would meet SQLite's byte-range locks.
 */
export async function copyFrozenStoreFile(db: Db, storeFile: string, partial: string, onBytes: (done: number, total: number) => void): Promise<string | null> {
  if (process.platform === 'win32' || db.readonly) return null
  const snapshot = openSqliteFile(storeFile, { readonly: true, fileMustExist: true })
  try {
    if (!(await freezeStoreFile(db, snapshot, storeFile))) return null
    const total = statSync(storeFile).size
    onBytes(0, total)
    try {
      return await copyInChildProcess(storeFile, partial, ROLLBACK_JOURNAL, (done) => onBytes(done, total))
    } catch (error) {
      // No cp on this system: the online backup API does the copy.
      if ((error as { syscall?: string }).syscall === `spawn ${CP}`) {
        rmSync(partial, { force: true })
        return null
      }
      throw error
    }
  } finally {
    endRead(snapshot)
    snapshot.close()
  }
}
