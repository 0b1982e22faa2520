import { basename } from 'node:path'
import { GraphKeepError } from '../../shared/errors.ts'
import { createBackupSync } from './backup/create.ts'
import { finishInterruptedRestore } from './backup/replace-store.ts'
import { createBackupService } from './backup/service.ts'
import { readBackupSettings } from './backup/settings.ts'
import { closeDatabase, openDatabase, openDatabaseReadOnly, type Db } from './db.ts'
import { createHealthService } from './health/index.ts'
import { createEdgeService } from './services/edges.ts'
import { createGraphService } from './services/graph.ts'
import { createMetaService } from './services/meta.ts'
import { createNodeService } from './services/nodes.ts'
import { createSearchService } from './services/search.ts'
import { storeStats, typeCounts } from './services/stats.ts'
import { neighbours } from './services/traverse.ts'
import { createViewService } from './services/views.ts'
import { createWrite } from './services/write.ts'
import { finishInterruptedBulkImport } from './transfer/bulk-mode.ts'
import { createTransferService } from './transfer/service.ts'
import type { GraphStore, OpenStoreOptions } from './types.ts'

/** The calls that read or write through one connection; rebuilt when a restore reopens the file. */
function connectionApi(db: Db, options: OpenStoreOptions, lastBackupAt: () => number | null, blockedBy: () => string | null) {
  const write = createWrite(db, options.onEvent, blockedBy)
  const health = createHealthService(db, {
    file: options.file,
    lastBackupAt,
    scheduleHours: () => readBackupSettings(options.file).scheduleHours,
    onEvent: options.onEvent,
  })
  return {
    stats: () => storeStats(db, options.file, options.name, options.readOnly === true),
    typeCounts: () => typeCounts(db),
    ...createNodeService(db, write),
    neighbours: (query: Parameters<GraphStore['neighbours']>[0]) => neighbours(db, query),
    ...createEdgeService(db, write),
    ...createSearchService(db),
    ...createGraphService(db),
    ...createViewService(db, { onEvent: options.onEvent, blockedBy }),
    ...createMetaService(db, write),
    ...health,
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

/** Opens (or creates) a store file and returns its API. Use from one thread only. */
export function openStore(options: OpenStoreOptions): GraphStore {
  const storeName = options.name ?? basename(options.file)
  let db = open(options, storeName)
  // Set while a restore runs: a write then could land in neither the safety backup nor the restored store.
  let busyWith: string | null = options.readOnly ? 'it is open read-only for inspection' : null
  const blockedBy = () => busyWith
  async function exclusively<T>(work: string, run: () => Promise<T>): Promise<T> {
    if (options.readOnly) throw new GraphKeepError('STORE_BUSY', 'the store is open read-only for inspection')
    if (busyWith) throw new GraphKeepError('STORE_BUSY', `wait until ${busyWith} has finished`)
    busyWith = `${work} is running`
    try {
      return await run()
    } finally {
      busyWith = null
    }
  }
  const backups = createBackupService({
    storeFile: options.file,
    storeName,
    db: () => db,
    reopenAfter(swap) {
      closeConnection(db)
      try {
        swap()
      } finally {
        db = open(options, storeName)
        Object.assign(store, connectionApi(db, options, lastBackupAt, blockedBy))
      }
    },
    onEvent: options.onEvent,
  })
  const lastBackupAt = () => backups.listBackups().lastBackupAt
  const store: GraphStore = {
    file: options.file,
    ...connectionApi(db, options, lastBackupAt, blockedBy),
    ...backups,
    ...createTransferService({ db: () => db, storeFile: options.file, onEvent: options.onEvent, exclusively }),
    restore: (source) => exclusively('a restore', () => backups.restore(source)),
    undoRestore: () => exclusively('undoing a restore', () => backups.undoRestore()),
    close: () => closeConnection(db),
  }
  return store
}
