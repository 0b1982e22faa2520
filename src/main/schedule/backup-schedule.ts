import { isBackupOverdue, newestBackupAt } from '../../shared/backup-overdue.ts'
import type { RemoteStore } from '../store/types.ts'

/** The calls the schedule makes. */
export type ScheduledStore = { backup: Pick<RemoteStore['backup'], 'list' | 'create' | 'getSettings'> }

export interface BackupScheduleOptions {
  now?: () => number
  /** How often to look whether a backup is due; the interval itself comes from the settings, read every time. */
  checkEveryMs?: number
  /** Failures never stop the schedule; the next check tries again. */
  onError?: (error: unknown) => void
}

export interface BackupSchedule {
  /** Stops checking; resolves once a backup already under way has finished. */
  stop(): Promise<void>
  /** Takes a 'quit' backup when the newest is older than a day; never rejects, so quitting never hangs on it. */
  backupAtQuitIfDue(): Promise<void>
}

export const DEFAULT_CHECK_EVERY_MS = 10 * 60 * 1000
const QUIT_PERIOD_HOURS = 24

/** Backs the store up whenever its newest backup is older than the settings' `scheduleHours`, while the app runs. */
export function startBackupSchedule(store: ScheduledStore, options: BackupScheduleOptions = {}): BackupSchedule {
  const now = options.now ?? Date.now
  const onError = options.onError ?? ((error: unknown) => console.error('GraphKeep: automatic backup failed', error))
  let running: Promise<void> | null = null
  let stopped = false

  // One backup job at a time: a check that finds one under way is skipped, not queued.
  const runExclusive = (job: () => Promise<void>): Promise<void> => {
    const run = job()
      .catch(onError)
      .finally(() => {
        running = null
      })
    running = run
    return run
  }

  // The shared rule (src/shared/backup-overdue.ts): the banner and the health report say "overdue" exactly when this backs up.
  const isDue = async (periodHours: number): Promise<boolean> => {
    const { backups } = await store.backup.list()
    const at = now()
    return isBackupOverdue({ lastBackupAt: newestBackupAt(backups.map((backup) => backup.createdAt), at), periodHours, now: at })
  }

  const check = (): void => {
    if (stopped || running) return
    void runExclusive(async () => {
      const { scheduleHours } = await store.backup.getSettings()
      if (!stopped && (await isDue(scheduleHours))) await store.backup.create({}, 'scheduled')
    })
  }

  const timer = setInterval(check, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS)
  timer.unref()
  check()

  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
    async backupAtQuitIfDue() {
      while (running) await running
      await runExclusive(async () => {
        if (await isDue(QUIT_PERIOD_HOURS)) await store.backup.create({}, 'quit')
      })
    },
  }
}
