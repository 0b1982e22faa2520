import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { BackupInfo, BackupReason, BackupSettings, RestorePreview, RestoreResult, RestoreSource } from '../../../shared/backup.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { AppEvent } from '../../../shared/events.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { schemaVersionOf } from '../migrate.ts'
import { countEdges } from '../repos/edges.ts'
import { countNodes } from '../repos/nodes.ts'
import { deleteBackupFiles, listBackups, recordVerification, requireBackup } from './catalog.ts'
import { asNoRoom, createBackup, type BackupTarget } from './create.ts'
import { writeFileAtomically } from './files.ts'
import { readManifest } from './manifest.ts'
import { replaceStoreFile } from './replace-store.ts'
import { backupsToDelete } from './retention.ts'
import { checkBackupFolder, readBackupSettings, writeBackupSettings } from './settings.ts'
import { verifyFile } from './verify.ts'

export interface BackupServiceContext {
  storeFile: string
  storeName: string
  db: () => Db
  /** Closes every connection to the store (readers included), runs `swap` on the closed file, and opens it again. */
  reopenAfter: (swap: () => void) => Promise<void>
  onEvent?: (event: AppEvent) => void
  /** Runs work while every other write is refused with STORE_BUSY. */
  exclusively: <T>(work: string, run: () => Promise<T>) => Promise<T>
}

const lastRestorePathOf = (storeFile: string) => `${storeFile}.last-restore.json`
const ALL_SCOPES = ['nodes', 'edges', 'meta', 'backups'] as const

export function createBackupCalls(context: BackupServiceContext) {
  const { storeFile, storeName } = context
  const target = (): BackupTarget => ({ folder: readBackupSettings(storeFile).folder, storeFile, storeName })
  const changed = () => context.onEvent?.({ type: 'dataChanged', scopes: [...ALL_SCOPES] })

  function applyRetention(): void {
    const settings = readBackupSettings(storeFile)
    const { backups } = listBackups(settings.folder)
    for (const id of backupsToDelete(backups, settings, Date.now())) {
      const info = backups.find((backup) => backup.id === id)
      if (info) deleteBackupFiles(info.file)
    }
  }

  async function backUp(reason: BackupReason, retain = reason !== 'manual'): Promise<BackupInfo> {
    const info = await createBackup(context.db(), target(), reason, context.onEvent)
    if (retain) applyRetention()
    context.onEvent?.({ type: 'dataChanged', scopes: ['backups'] })
    return info
  }

  function resolveSource(source: RestoreSource): { file: string; label: string; withManifest: boolean } {
    if ('id' in source) return { file: requireBackup(target().folder, source.id).file, label: source.id, withManifest: true }
    const file = resolve(source.file)
    // Reading the live file through fs would drop this process's lock on it; it is no candidate anyway.
    if ([storeFile, `${storeFile}-wal`, `${storeFile}-shm`].map((path) => resolve(path)).includes(file)) {
      throw new GraphKeepError('VALIDATION', 'that file is the open store itself; pick a backup or a copy')
    }
    return { file, label: file, withManifest: readManifest(file) !== null }
  }

  async function verifiedSource(source: RestoreSource) {
    const { file, label, withManifest } = resolveSource(source)
    const manifest = withManifest ? readManifest(file) : null
    const result = await verifyFile(file, manifest)
    if (!result.ok || !result.facts) throw new GraphKeepError((result.code ?? 'INTEGRITY_FAILED') as never, result.message, { checks: result.checks })
    return { file, label, manifest, facts: result.facts }
  }

  async function restoreFrom(source: RestoreSource): Promise<RestoreResult> {
    const candidate = await verifiedSource(source)
    // Retention waits until the swap is done: it could otherwise remove the very backup being restored.
    const safetyBackup = await backUp('pre-restore', false)
    // Recorded before the swap, so that "Undo restore" still works when a crash completes the restore at the next open.
    writeFileAtomically(lastRestorePathOf(storeFile), JSON.stringify({ safetyBackup: safetyBackup.id, folder: dirname(safetyBackup.file) }))
    try {
      await context.reopenAfter(() => replaceStoreFile(storeFile, candidate.file))
    } catch (error) {
      // The new file did not open cleanly: put the safety backup back.
      await context.reopenAfter(() => replaceStoreFile(storeFile, safetyBackup.file))
      rmSync(lastRestorePathOf(storeFile), { force: true })
      throw new GraphKeepError('INTEGRITY_FAILED', `the restored store did not open (${(error as Error).message}); the previous store is back`)
    }
    applyRetention()
    changed()
    return { restoredFrom: candidate.label, safetyBackup }
  }

  return {
    list: () => listBackups(target().folder),
    /** The contract's call backs up by hand; the scheduler and the app name their own reason. */
    create: (_input: object = {}, reason: BackupReason = 'manual') => backUp(reason),
    async verify({ id }) {
      const info = requireBackup(target().folder, id)
      const { facts: _facts, ...result } = await verifyFile(info.file, readManifest(info.file))
      try {
        recordVerification(info.file, { state: result.ok ? 'ok' : 'failed', checkedAt: Date.now(), code: result.code, message: result.message })
      } catch (error) {
        // The answer stands on a full disk; only the note of it beside the backup could not be kept.
        if (asNoRoom(error, target().folder) === error) throw error
        return { ...result, message: `${result.message} (not recorded: the disk is full)` }
      }
      context.onEvent?.({ type: 'dataChanged', scopes: ['backups'] })
      return result
    },
    delete({ id }) {
      const folder = target().folder
      if (!existsSync(`${folder}/${id}`)) return { deleted: false }
      deleteBackupFiles(requireBackup(folder, id).file)
      context.onEvent?.({ type: 'dataChanged', scopes: ['backups'] })
      return { deleted: true }
    },
    async preview(source: RestoreSource): Promise<RestorePreview> {
      const candidate = await verifiedSource(source)
      const db = context.db()
      const current = { nodeCount: countNodes(db), edgeCount: countEdges(db), schemaVersion: schemaVersionOf(db), createdAt: null }
      return { source: candidate.label, backup: { ...candidate.facts, createdAt: candidate.manifest?.createdAt ?? null }, current }
    },
    restore: (source) => context.exclusively('a restore', () => restoreFrom(source)),
    undoRestore: () => context.exclusively('undoing a restore', async (): Promise<RestoreResult> => {
      const path = lastRestorePathOf(storeFile)
      if (!existsSync(path)) throw new GraphKeepError('NOT_FOUND', 'there is no restore to undo')
      const { safetyBackup } = JSON.parse(readFileSync(path, 'utf8')) as { safetyBackup: string }
      const result = await restoreFrom({ id: safetyBackup })
      rmSync(path, { force: true })
      return result
    }),
    getSettings: () => readBackupSettings(storeFile),
    setSettings(patch: Partial<BackupSettings>): BackupSettings {
      if (patch.folder !== undefined) checkBackupFolder(patch.folder)
      const settings = { ...readBackupSettings(storeFile), ...patch }
      writeBackupSettings(storeFile, settings)
      context.onEvent?.({ type: 'dataChanged', scopes: ['backups'] })
      return settings
    },
  } satisfies Calls<'backup'>
}
