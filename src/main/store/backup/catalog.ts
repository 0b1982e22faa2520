import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { newestBackupAt } from '../../../shared/backup-overdue.ts'
import { verification, type BackupInfo, type BackupList, type Verification } from '../../../shared/backup.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import { writeFileAtomically } from './files.ts'
import { manifestPathOf, readManifest } from './manifest.ts'

const verificationPathOf = (backupFile: string) => `${backupFile}.verified.json`
const UNVERIFIED: Verification = { state: 'unverified', checkedAt: null, code: null, message: null }

function readVerification(backupFile: string): Verification {
  try {
    const parsed = verification.safeParse(JSON.parse(readFileSync(verificationPathOf(backupFile), 'utf8')))
    return parsed.success ? parsed.data : UNVERIFIED
  } catch {
    return UNVERIFIED
  }
}

export function recordVerification(backupFile: string, result: Verification): void {
  writeFileAtomically(verificationPathOf(backupFile), JSON.stringify(result))
}

/** A listed backup: a .db file in the folder with a readable manifest beside it. */
export function backupInfoOf(folder: string, id: string): BackupInfo | null {
  const file = join(folder, id)
  const manifest = existsSync(file) ? readManifest(file) : null
  return manifest ? { ...manifest, id, file, verification: readVerification(file) } : null
}

export function listBackups(folder: string): BackupList {
  const ids = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.db') && !name.startsWith('.')) : []
  const backups = ids
    .map((id) => backupInfoOf(folder, id))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
  // A backup dated in the future (the clock was moved back) is listed but is not the last backup.
  return { folder, backups, lastBackupAt: newestBackupAt(backups.map((backup) => backup.createdAt), Date.now()) }
}

export function requireBackup(folder: string, id: string): BackupInfo {
  const info = backupInfoOf(folder, id)
  if (!info) throw new GraphKeepError('NOT_FOUND', `no backup "${id}" in ${folder}`, { id })
  return info
}

export function deleteBackupFiles(file: string): void {
  for (const path of [file, manifestPathOf(file), verificationPathOf(file)]) rmSync(path, { force: true })
}
