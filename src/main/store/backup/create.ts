import { mkdirSync, renameSync, rmSync, statfsSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo, BackupManifest, BackupReason } from '../../../shared/backup.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { AppEvent } from '../../../shared/events.ts'
import { APP_VERSION } from '../../../shared/version.ts'
import { openSqliteFile, type Db } from '../db.ts'
import { countEdges } from '../repos/edges.ts'
import { vacuumInto } from '../repos/health.ts'
import { countNodes } from '../repos/nodes.ts'
import { pageCounts, schemaVersionOf, useRollbackJournal } from '../repos/pragmas.ts'
import { backupInfoOf } from './catalog.ts'
import { copyFrozenStoreFile } from './frozen-copy.ts'
import { fsyncFile, fsyncFileAsync, fsyncFolder, sha256OfFile, sha256OfFileSync } from './files.ts'
import { manifestPathOf, writeManifest } from './manifest.ts'

export interface BackupTarget {
  folder: string
  storeFile: string
  storeName: string
}

// Pages copied per step of the online backup: 16 MiB at 4 KiB pages, then the worker answers calls.
const PAGES_PER_STEP = 4096

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0)

function backupIdFor(storeName: string, at: number, reason: BackupReason): string {
  const base = storeName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'store'
  return `${base}-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}.db`
}

function freeBytes(folder: string): number {
  try {
    const stats = statfsSync(folder)
    return stats.bavail * stats.bsize
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** Refuses to start when the folder's disk has less than twice the store's size free. */
function ensureSpace(target: BackupTarget): void {
  const needed = 2 * (sizeOf(target.storeFile) + sizeOf(`${target.storeFile}-wal`))
  const stats = statfsSync(target.folder)
  const free = stats.bavail * stats.bsize
  if (free < needed) {
    throw new GraphKeepError('INSUFFICIENT_SPACE', `only ${Math.round(free / 1e6)} MB free in ${target.folder}; a backup needs ${Math.round(needed / 1e6)} MB`, { free, needed })
  }
}

type CopyFacts = Pick<BackupManifest, 'schemaVersion' | 'nodeCount' | 'edgeCount'>

const factsOf = (copy: Db): CopyFacts => ({ schemaVersion: schemaVersionOf(copy), nodeCount: countNodes(copy), edgeCount: countEdges(copy) })

/** Makes a copied file a self-contained store (rollback journal, so read-only opens add no -wal) and reads its facts. */
function sealCopy(partial: string): CopyFacts {
  const copy = openSqliteFile(partial)
  try {
    useRollbackJournal(copy)
    return factsOf(copy)
  } finally {
    copy.close()
  }
}

/** The facts of a copy already sealed, read without changing it. */
function readFacts(partial: string): CopyFacts {
  const copy = openSqliteFile(partial, { readonly: true, fileMustExist: true })
  try {
    return factsOf(copy)
  } finally {
    copy.close()
  }
}

/** A full disk, from fs (ENOSPC, EDQUOT) or from SQLite (SQLITE_FULL), as the code that says so. */
export function asNoRoom(error: unknown, folder: string): unknown {
  const code = (error as { code?: string }).code ?? ''
  const full = code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')
  // SQLite reports some writes that found no room as I/O errors (growing its -shm, say): the disk decides.
  if (!full && !(code.startsWith('SQLITE_IOERR') && freeBytes(folder) < 1 << 20)) return error
  return new GraphKeepError('INSUFFICIENT_SPACE', `the disk holding ${folder} is full; free some space or choose another backup folder, then back up again`, { folder })
}

/** Everything a failed backup may have written: the partial copy, its journals, and a published file without its manifest. */
function removeLeftovers(target: BackupTarget, partial: string, id: string): void {
  for (const path of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(path, { force: true })
  const file = join(target.folder, id)
  if (!existsSync(manifestPathOf(file))) for (const path of [file, `${manifestPathOf(file)}.tmp`]) rmSync(path, { force: true })
}

function publish(target: BackupTarget, partial: string, id: string, manifest: BackupManifest): BackupInfo {
  const file = join(target.folder, id)
  renameSync(partial, file)
  fsyncFolder(target.folder)
  writeManifest(file, manifest)
  return backupInfoOf(target.folder, id) as BackupInfo
}

// Ids of backups being written now: two asked for in the same millisecond must not share a file.
const inFlight = new Set<string>()

function prepare(target: BackupTarget, reason: BackupReason) {
  mkdirSync(target.folder, { recursive: true })
  ensureSpace(target)
  const createdAt = Date.now()
  const base = backupIdFor(target.storeName, createdAt, reason)
  let id = base
  for (let n = 2; inFlight.has(join(target.folder, id)) || existsSync(join(target.folder, id)); n++) id = base.replace(/\.db$/, `-${n}.db`)
  inFlight.add(join(target.folder, id))
  const done = () => inFlight.delete(join(target.folder, id))
  return { createdAt, id, partial: join(target.folder, `.${id}.partial`), done }
}

/** The online backup API on the store's own connection, in steps (writes made meanwhile are carried into the copy). */
async function copyOnline(db: Db, partial: string, onBytes: (done: number, total: number) => void): Promise<void> {
  // Counted in bytes of the store (pages × page size): pages mean nothing to a user.
  const pageSize = pageCounts(db).pageSize
  await db.backup(partial, {
    progress({ totalPages, remainingPages }) {
      onBytes((totalPages - remainingPages) * pageSize, totalPages * pageSize)
      return PAGES_PER_STEP
    },
  })
  const copied = statSync(partial).size
  onBytes(copied, copied)
}

/**
 * A copy of the store as one committed state, to a temporary name, sealed, synced, then renamed. The
 * store file frozen by a read snapshot is copied at disk speed (frozen-copy.ts); when it cannot be
 * frozen, the online backup API copies it. The worker keeps answering meanwhile either way.
 */
export async function createBackup(db: Db, target: BackupTarget, reason: BackupReason, onEvent?: (event: AppEvent) => void): Promise<BackupInfo> {
  const { createdAt, id, partial, done } = prepare(target, reason)
  const jobId = `backup-${createdAt}-${id}`
  try {
    const progress = (done: number, total: number | null) => onEvent?.({ type: 'progress', jobId, label: 'Backing up the store', done, total, phase: 'copying' })
    progress(0, null)
    const frozenSha256 = await copyFrozenStoreFile(db, target.storeFile, partial, progress)
    if (frozenSha256 === null) await copyOnline(db, partial, progress)
    const facts = frozenSha256 === null ? sealCopy(partial) : readFacts(partial)
    // The checksum (when the copy did not already compute it) reads the copy from the page cache while the disk takes the sync.
    const [sha256] = await Promise.all([frozenSha256 ?? sha256OfFile(partial), fsyncFileAsync(partial)])
    const manifest: BackupManifest = {
      format: 1, app: 'GraphKeep', appVersion: APP_VERSION, createdAt, reason, storeName: target.storeName,
      ...facts, bytes: statSync(partial).size, sha256,
    }
    return publish(target, partial, id, manifest)
  } catch (error) {
    removeLeftovers(target, partial, id)
    throw asNoRoom(error, target.folder)
  } finally {
    done()
  }
}

/** A synchronous backup with VACUUM INTO, for the moment before a migration when nothing else runs. */
export function createBackupSync(db: Db, target: BackupTarget, reason: BackupReason): BackupInfo {
  const { createdAt, id, partial, done } = prepare(target, reason)
  try {
    vacuumInto(db, partial)
    const facts = sealCopy(partial)
    fsyncFile(partial)
    const manifest: BackupManifest = {
      format: 1, app: 'GraphKeep', appVersion: APP_VERSION, createdAt, reason, storeName: target.storeName,
      ...facts, bytes: statSync(partial).size, sha256: sha256OfFileSync(partial),
    }
    return publish(target, partial, id, manifest)
  } catch (error) {
    removeLeftovers(target, partial, id)
    throw asNoRoom(error, target.folder)
  } finally {
    done()
  }
}
