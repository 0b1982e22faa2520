import { basename } from 'node:path'
import { GraphKeepError } from '../../shared/errors.ts'
import type { StoreCalls } from './api.ts'
import { createBackupSync } from './backup/create.ts'
import { finishInterruptedRestore } from './backup/replace-store.ts'
import { createAnalyticsCalls } from './analytics/service.ts'
import { createBackupCalls } from './backup/service.ts'
import { readBackupSettings } from './backup/settings.ts'
import { closeDatabase, openDatabase, openDatabaseReadOnly, type Db } from './db.ts'
import { createHealthCalls } from './health/index.ts'
import { createEdgeCalls } from './services/edges.ts'
import { createGraphCalls } from './services/graph.ts'
import { createMetaCalls } from './services/meta.ts'
import { createNodeCalls } from './services/nodes.ts'
import { createSearchCalls } from './services/search.ts'
import { storeStats, typeCounts } from './services/stats.ts'
import { createViewCalls } from './services/views.ts'
import { finishInterruptedBulkImport } from './transfer/bulk-mode.ts'
import { createTransferCalls } from './transfer/service.ts'
import type { OpenStoreOptions } from './types.ts'
import { createUnitOfWork, type UnitOfWork } from './unit-of-work.ts'

interface ConnectionContext {
  options: OpenStoreOptions
  work: UnitOfWork
  lastBackupAt: () => number | null
}

/** The calls that read or write through one connection; rebuilt when a restore reopens the file. */
function connectionCalls(db: Db, { options, work, lastBackupAt }: ConnectionContext) {
  return {
    store: { stats: () => storeStats(db, options.file, options.name, options.readOnly === true) },
    types: { counts: () => typeCounts(db) },
    nodes: createNodeCalls(db, work),
    edges: createEdgeCalls(db, work),
    search: createSearchCalls(db),
    graph: createGraphCalls(db),
    views: createViewCalls(db, work),
    meta: createMetaCalls(db, work),
    analytics: createAnalyticsCalls(db, { readOnly: options.readOnly === true, onEvent: options.onEvent }),
    health: createHealthCalls(db, {
      file: options.file,
      lastBackupAt,
      scheduleHours: () => readBackupSettings(options.file).scheduleHours,
      onEvent: options.onEvent,
    }),
  }
}

function open(options: OpenStoreOptions, storeName: string): Db {
  if (options.readOnly) return openDatabaseReadOnly(options.file)
  finishInterruptedRestore(options.file)
  const db = openDatabase(options.file, {
    // A store about to be migrated is backed up first, every time.
    beforeMigrate: (db) => createBackupSync(db, { folder: readBackupSettings(options.file).folder, storeFile: options.file, storeName }, 'pre-migration'),
  })
  // At every open, a restore's reopen included: a bulk import that died before building its indexes is finished.
  finishInterruptedBulkImport(db)
  return db
}

function closeConnection(db: Db): void {
  closeDatabase(db)
}

/** Opens (or creates) a store file and returns its calls, named as the contract names them. Use from one thread only. */
export function openStore(options: OpenStoreOptions) {
  const storeName = options.name ?? basename(options.file)
  let db = open(options, storeName)
  // Set while a restore runs: a write then could land in neither the safety backup nor the restored store.
  let busyWith: string | null = options.readOnly ? 'it is open read-only for inspection' : null
  const unitOfWork = () => createUnitOfWork(db, { onEvent: options.onEvent, blockedBy: () => busyWith })
  let work = unitOfWork()
  async function exclusively<T>(task: string, run: () => Promise<T>): Promise<T> {
    if (options.readOnly) throw new GraphKeepError('STORE_BUSY', 'the store is open read-only for inspection')
    if (busyWith) throw new GraphKeepError('STORE_BUSY', `wait until ${busyWith} has finished`)
    busyWith = `${task} is running`
    try {
      return await run()
    } finally {
      busyWith = null
    }
  }
  const backup = createBackupCalls({
    storeFile: options.file,
    storeName,
    db: () => db,
    reopenAfter(swap) {
      closeConnection(db)
      try {
        swap()
      } finally {
        db = open(options, storeName)
        work = unitOfWork()
        Object.assign(store, connectionCalls(db, { options, work, lastBackupAt }))
      }
    },
    onEvent: options.onEvent,
    exclusively,
  })
  const lastBackupAt = () => backup.list().lastBackupAt
  const store = {
    file: options.file,
    ...connectionCalls(db, { options, work, lastBackupAt }),
    backup,
    ...createTransferCalls({ db: () => db, work: () => work, storeFile: options.file, onEvent: options.onEvent, exclusively }),
    close: () => closeConnection(db),
  }
  return store satisfies StoreCalls
}
