import { existsSync, readFileSync } from 'node:fs'
import { backupManifest, type BackupManifest } from '../../../shared/backup.ts'
import { writeFileAtomically } from './files.ts'

export const manifestPathOf = (backupFile: string) => `${backupFile}.manifest.json`

export function writeManifest(backupFile: string, manifest: BackupManifest): void {
  writeFileAtomically(manifestPathOf(backupFile), JSON.stringify(manifest, null, 2))
}

/** The manifest beside a backup, or null when it is missing or unreadable. */
export function readManifest(backupFile: string): BackupManifest | null {
  const path = manifestPathOf(backupFile)
  if (!existsSync(path)) return null
  try {
    const parsed = backupManifest.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
