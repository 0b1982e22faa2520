import type { BackupInfo, BackupSettings } from '../../../shared/backup.ts'

export type RetainedBackup = Pick<BackupInfo, 'id' | 'createdAt' | 'reason' | 'schemaVersion'>
export type RetentionSettings = Pick<BackupSettings, 'keepNewest' | 'keepDailyDays'>

export const DEFAULT_RETENTION: RetentionSettings = { keepNewest: 10, keepDailyDays: 14 }

/** Pre-migration backups are kept for this many of the highest schema versions that have one. */
export const KEPT_SCHEMA_VERSIONS = 3

const DAY_MS = 24 * 60 * 60 * 1000

/** Calendar day in UTC: a backup's day does not move when the machine changes time zone or DST. */
export const utcDay = (time: number): number => Math.floor(time / DAY_MS)

/** Newest first; equal times are ordered by id (descending) so that every tie has one answer. */
const newestFirst = (a: RetainedBackup, b: RetainedBackup): number =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

/**
 * The backups that retention removes. A backup of any reason is kept when it is:
 * (a) one of the newest `keepNewest`;
 * (b) the newest of its UTC day, for the `keepDailyDays` days ending today (0 turns this off);
 *     a backup dated after today (the clock was moved back) counts as inside that window;
 * (c) a pre-migration backup that is the newest of its schema version, for the 3 highest versions that have one;
 * (d) the newest pre-restore backup, which "Undo restore" needs.
 * Everything else is returned, oldest first, so that an interrupted clean-up has removed the least useful.
 */
export function backupsToDelete(backups: readonly RetainedBackup[], settings: RetentionSettings, now: number): string[] {
  const sorted = [...backups].sort(newestFirst)
  const keep = new Set<string>()

  for (const backup of sorted.slice(0, Math.max(0, settings.keepNewest))) keep.add(backup.id)

  if (settings.keepDailyDays > 0) {
    const firstDay = utcDay(now) - settings.keepDailyDays + 1
    const seenDays = new Set<number>()
    for (const backup of sorted) {
      const day = utcDay(backup.createdAt)
      if (day < firstDay || seenDays.has(day)) continue
      seenDays.add(day)
      keep.add(backup.id)
    }
  }

  const newestPerVersion = new Map<number, RetainedBackup>()
  for (const backup of sorted) {
    if (backup.reason === 'pre-migration' && !newestPerVersion.has(backup.schemaVersion)) {
      newestPerVersion.set(backup.schemaVersion, backup)
    }
  }
  const byVersionDescending = [...newestPerVersion.entries()].sort(([a], [b]) => b - a)
  for (const [, backup] of byVersionDescending.slice(0, KEPT_SCHEMA_VERSIONS)) keep.add(backup.id)

  const newestPreRestore = sorted.find((backup) => backup.reason === 'pre-restore')
  if (newestPreRestore) keep.add(newestPreRestore.id)

  return sorted
    .filter((backup) => !keep.has(backup.id))
    .reverse()
    .map((backup) => backup.id)
}
