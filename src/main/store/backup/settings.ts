import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { backupSettings, type BackupSettings } from '../../../shared/backup.ts'
import { writeFileAtomically } from './files.ts'

// Beside the store, not inside it: a restore replaces the store, and must not move its backups.
const settingsPathOf = (storeFile: string) => `${storeFile}.settings.json`

export const defaultBackupSettings = (storeFile: string): BackupSettings => ({
  folder: join(dirname(storeFile), 'backups'),
  keepNewest: 10,
  keepDailyDays: 14,
  scheduleHours: 24,
})

export function readBackupSettings(storeFile: string): BackupSettings {
  const defaults = defaultBackupSettings(storeFile)
  const path = settingsPathOf(storeFile)
  if (!existsSync(path)) return defaults
  try {
    const parsed = backupSettings.partial().safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? { ...defaults, ...parsed.data } : defaults
  } catch {
    return defaults
  }
}

export function writeBackupSettings(storeFile: string, settings: BackupSettings): void {
  writeFileAtomically(settingsPathOf(storeFile), JSON.stringify(settings, null, 2))
}
