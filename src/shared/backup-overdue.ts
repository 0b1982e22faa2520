/**
 * The one "backup overdue" rule, shared by the health report, the app-wide banner and the schedule.
 *
 * - No backup at all is overdue, whatever the store holds (saved views and metadata count as data too).
 * - Otherwise the newest backup is overdue once it is OLDER than the period: at exactly `periodHours`
 *   it is still on time, a millisecond later it is not (README: "a banner when it is older than the schedule").
 * - A backup dated in the future (the clock was moved back) does not count as the newest: it would
 *   otherwise hold off every backup and every warning until the clock caught up with it.
 */

export const HOUR_MS = 3_600_000

/** The newest of these backup times that is not after `now`, or null. */
export function newestBackupAt(createdAts: Iterable<number>, now: number): number | null {
  let newest: number | null = null
  for (const createdAt of createdAts) {
    if (createdAt <= now && (newest === null || createdAt > newest)) newest = createdAt
  }
  return newest
}

export interface BackupAge {
  /** The newest backup's time (from `newestBackupAt`), or null when there is none. */
  lastBackupAt: number | null
  /** The schedule's period: the settings' `scheduleHours`, or 24 for the backup at quit. */
  periodHours: number
  now: number
}

export function isBackupOverdue({ lastBackupAt, periodHours, now }: BackupAge): boolean {
  return lastBackupAt === null || now - lastBackupAt > periodHours * HOUR_MS
}
