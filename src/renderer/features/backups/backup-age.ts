import { formatAge } from '../../lib/format.ts'

const HOUR_MS = 60 * 60 * 1000

/** Overdue once a whole schedule period has passed since the last backup; a store with data and no backup is overdue too. */
export function isBackupOverdue(args: { lastBackupAt: number | null; scheduleHours: number; hasData: boolean; now: number }): boolean {
  if (args.lastBackupAt === null) return args.hasData
  return args.now - args.lastBackupAt > args.scheduleHours * HOUR_MS
}

export function describeLastBackup(lastBackupAt: number | null, now: number): string {
  return lastBackupAt === null ? 'No backup yet' : `Last backup ${formatAge(lastBackupAt, now)}`
}
