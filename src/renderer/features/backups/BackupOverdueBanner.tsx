import { useQuery } from '@tanstack/react-query'
import { useNow } from '../../lib/use-now.ts'
import { storeQueries } from '../shell/queries.ts'
import { describeLastBackup, isBackupOverdue } from './backup-age.ts'
import { OverdueWarning } from './OverdueWarning.tsx'
import { backupQueries } from './queries.ts'

/** The app-wide reminder, from the cheap backup list and settings (the health check reads the whole file). */
export function BackupOverdueBanner() {
  const list = useQuery(backupQueries.list())
  const settings = useQuery(backupQueries.settings())
  const stats = useQuery(storeQueries.stats())
  const now = useNow()
  if (!list.data || !settings.data || !stats.data) return null
  const overdue = isBackupOverdue({
    lastBackupAt: list.data.lastBackupAt,
    scheduleHours: settings.data.scheduleHours,
    hasData: stats.data.nodeCount > 0,
    now,
  })
  if (!overdue) return null
  return <OverdueWarning text={describeLastBackup(list.data.lastBackupAt, now)} />
}
