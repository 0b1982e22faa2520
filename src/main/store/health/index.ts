import type { AppEvent } from '../../../shared/events.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { checkHealth, type BackupClock } from './check.ts'
import { optimizeStore, vacuumStore } from './compact.ts'

export interface HealthContext extends BackupClock {
  /** The store file: its size and its -wal's are read with stat, never its bytes. */
  file: string
  onEvent?: (event: AppEvent) => void
}

/** The data-health page's checks and maintenance over one open store connection. */
export function createHealthCalls(db: Db, context: HealthContext) {
  return {
    check: ({ full }) => checkHealth(db, context.file, context, full),
    vacuum: () => vacuumStore(db, context.file, context.onEvent),
    optimize: () => optimizeStore(db, context.file, context.onEvent),
  } satisfies Calls<'health'>
}
