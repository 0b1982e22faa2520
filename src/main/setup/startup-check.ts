import type { BackupInfo } from '../../shared/backup.ts'
import type { RemoteStore } from '../store/types.ts'

export interface StartupCheck {
  ok: boolean
  problems: string[]
  /** The newest backup that passes verification, offered when the store is damaged. */
  newestGoodBackup: BackupInfo | null
}

/** A quick check when the app starts; for a damaged store, finds the newest backup worth restoring. */
/** The calls the check makes. */
export interface CheckedStore {
  health: Pick<RemoteStore['health'], 'check'>
  backup: Pick<RemoteStore['backup'], 'list' | 'verify'>
}

export async function checkStoreAtStartup(store: CheckedStore): Promise<StartupCheck> {
  const report = await store.health.check({ full: false })
  if (report.integrity.ok) return { ok: true, problems: [], newestGoodBackup: null }
  const { backups } = await store.backup.list()
  for (const backup of backups) {
    const result = await store.backup.verify({ id: backup.id })
    if (result.ok) return { ok: false, problems: report.integrity.problems, newestGoodBackup: backup }
  }
  return { ok: false, problems: report.integrity.problems, newestGoodBackup: null }
}
