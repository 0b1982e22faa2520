import { formatAge } from '../../lib/format.ts'

export function describeLastBackup(lastBackupAt: number | null, now: number): string {
  return lastBackupAt === null ? 'No backup yet' : `Last backup ${formatAge(lastBackupAt, now)}`
}
