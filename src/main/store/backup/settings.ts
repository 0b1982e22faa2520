import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { backupSettings, type BackupSettings } from '../../../shared/backup.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
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

/**
 * A backup folder the next backup can write to: an absolute path to a folder (made if missing) where a
 * file can be created. A file, /proc or a folder without write access is refused now, not at the next backup.
 */
export function checkBackupFolder(folder: string): void {
  const refuse = (why: string) => new GraphKeepError('VALIDATION', `${folder} cannot hold backups: ${why}`, { folder })
  if (!isAbsolute(folder)) throw refuse('give the full path of a folder')
  try {
    mkdirSync(folder, { recursive: true })
    if (!statSync(folder).isDirectory()) throw refuse('it is a file, not a folder')
    const probe = join(folder, `.graphkeep-probe-${process.pid}-${Date.now()}`)
    closeSync(openSync(probe, 'wx'))
    rmSync(probe, { force: true })
  } catch (error) {
    if (error instanceof GraphKeepError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw refuse(code === 'EEXIST' || code === 'ENOTDIR' ? 'it is a file, not a folder' : `a file cannot be created there (${code})`)
  }
}
