import { useQuery } from '@tanstack/react-query'
import { isBackupOverdue } from '../../../shared/backup-overdue.ts'
import { useNow } from '../../lib/use-now.ts'
import { describeLastBackup } from './backup-age.ts'
import { OverdueWarning } from './OverdueWarning.tsx'
import { backupQueries } from './queries.ts'

/** The app-wide reminder, from the cheap backup list and settings (the health check reads the whole file). */
export function BackupOverdueBanner() {
  const list = useQuery(backupQueries.list())
  const settings = useQuery(backupQueries.settings())
  const now = useNow()
  if (!list.data || !settings.data) return null
  const { lastBackupAt } = list.data
  if (!isBackupOverdue({ lastBackupAt, periodHours: settings.data.scheduleHours, now })) return null
  return <OverdueWarning text={describeLastBackup(lastBackupAt, now)} />
}
