import { basename } from 'node:path'
import { GraphKeepError } from '../../shared/errors.ts'
import type { StoreCalls } from './api.ts'
import { listBackups } from './backup/catalog.ts'
import { createBackupSync } from './backup/create.ts'
import { finishInterruptedRestore } from './backup/replace-store.ts'
import { createAnalyticsCalls } from './analytics/service.ts'
import { createBackupCalls } from './backup/service.ts'
import { readBackupSettings } from './backup/settings.ts'
import { closeDatabase, lockStore, openDatabase, openDatabaseReadOnly, type Db, type StoreLock } from './db.ts'
import { removeAdjacencyFile } from './graph/adjacency-file.ts'
import { createHealthCalls } from './health/index.ts'
import { compactHistoryAtOpen } from './history/retention.ts'
import { createHistoryCalls } from './history/service.ts'
import { createEdgeCalls } from './services/edges.ts'
import { createEmbeddingCalls } from './services/embeddings.ts'
import { createSimilarCalls } from './services/similar.ts'
import { closeVectorRegistry, vectorRegistryFor, type VectorRegistry } from './vectors/vector-registry.ts'
import type { IndexStatus } from '../../shared/embeddings.ts'
import { readerVectors } from './vectors/reader-vectors.ts'
import { writerSource } from './vectors/writer-source.ts'
import { convertV1Embeddings } from './vectors/convert-v1.ts'
import { createGraphCalls } from './services/graph.ts'
import { createMetaCalls } from './services/meta.ts'
import { createNodeCalls } from './services/nodes.ts'
import { createQueryLogCalls } from './services/querylog.ts'
import { createSearchCalls } from './services/search.ts'
import { storeStats, typeCounts } from './services/stats.ts'
import { createViewCalls } from './services/views.ts'
import { finishInterruptedBulkImport } from './transfer/bulk-mode.ts'
import { createTransferCalls } from './transfer/service.ts'
import { removeLeftoverImports } from './transfer/swap-file.ts'
import { guardReadOnly, readOnlyRefusal } from './read-only.ts'
import type { OpenStoreOptions } from './types.ts'
import { createUnitOfWork, type UnitOfWork } from './unit-of-work.ts'

interface ConnectionContext {
  options: OpenStoreOptions
  work: UnitOfWork
  lastBackupAt: () => number | null
  /** A reader of the host's pool: it must not build, save or clear the writer's index files; similarity reads the shared vectors (vectors/reader-vectors.ts). */
  reader?: boolean
}

/** The calls that read or write through one connection; rebuilt when a restore reopens the file. */
export function connectionCalls(db: Db, { options, work, lastBackupAt, reader = false }: ConnectionContext) {
  return {
    store: { stats: () => storeStats(db, options.file, options.name, options.readOnly === true) },
    types: { counts: () => typeCounts(db) },
    nodes: createNodeCalls(db, work),
    edges: createEdgeCalls(db, work),
    search: createSearchCalls(db),
    graph: createGraphCalls(db),
    views: createViewCalls(db, work),
    meta: createMetaCalls(db, work),
    history: createHistoryCalls(db, work),
    querylog: createQueryLogCalls(db, work, options.readOnly === true),
    analytics: createAnalyticsCalls(db, { readOnly: options.readOnly === true, onEvent: options.onEvent }),
    health: createHealthCalls(db, {
      file: options.file,
      lastBackupAt,
      scheduleHours: () => readBackupSettings(options.file).scheduleHours,
      onEvent: options.onEvent,
    }),
    ...vectorCalls(db, work, options, reader),
  }
}

/**
 * Embeddings and similarity (#14): one registry of in-memory vectors and indexes per connection. Only
 * the writer's owns the index files: a reader opening mid-build once removed the build's file as "unfinished".
 */
function vectorCalls(db: Db, work: UnitOfWork, options: OpenStoreOptions, reader: boolean) {
  const registry = vectorRegistryFor(db, { storeFile: options.file, readOnly: options.readOnly === true || reader, onEvent: options.onEvent })
  const source = reader ? readerVectors(db, options.file) : writerSource(db, registry, options.readers !== undefined)
  return { embeddings: createEmbeddingCalls(db, work, registry), similar: createSimilarCalls(db, source, createSearchCalls(db), registry), vectors: { settled: registry.settled, ensureIndex: ensureIndex(registry, reader) } }
}

/**
 * Store-only (not in the contract): a reader's search found the model's saved index missing or far
 * behind. On the writer this is what a search there does: load the model, catch up the saved index
 * (saved soon after) or start a build when the model is large enough.
 */
function ensureIndex(registry: VectorRegistry, reader: boolean) {
  return ({ model }: { model: string }): IndexStatus | null => (reader ? null : registry.status(model))
}

/**
 * The read calls over one read-only connection to a store another connection writes (a reader of the
 * host's pool): every domain of connectionCalls, and exports. A write that reaches it is refused.
 */
export function readerCalls(db: Db, options: OpenStoreOptions) {
  const refuse = () => 'this connection only reads'
  const work = createUnitOfWork(db, { blockedBy: refuse })
  const lastBackupAt = () => listBackups(readBackupSettings(options.file).folder).lastBackupAt
  const exclusively = () => Promise.reject(new GraphKeepError('STORE_BUSY', `the store cannot change now: ${refuse()}`))
  const transfer = createTransferCalls({ db: () => db, work: () => work, storeFile: options.file, onEvent: options.onEvent, exclusively })
  return { ...connectionCalls(db, { options, work, lastBackupAt, reader: true }), export: transfer.export }
}

function open(options: OpenStoreOptions, storeName: string): Db {
  if (options.readOnly) return openDatabaseReadOnly(options.file)
  finishInterruptedRestore(options.file)
  // An import into a new file that died before its swap: the store is as it was; the file goes.
  removeLeftoverImports(options.file)
  const db = openDatabase(options.file, {
    // A store about to be migrated is backed up first, every time.
    beforeMigrate: (db) => createBackupSync(db, { folder: readBackupSettings(options.file).folder, storeFile: options.file, storeName }, 'pre-migration'),
  })
  // At every open, a restore's reopen included: a bulk import that died before building its indexes is finished.
  finishInterruptedBulkImport(db)
  convertV1Embeddings(db)
  compactHistoryAtOpen(db, createUnitOfWork(db))
  return db
}

function closeConnection(db: Db): void {
  closeVectorRegistry(db)
  closeDatabase(db)
}

/** Opens (or creates) a store file and returns its calls, named as the contract names them. Use from one thread only. */
export function openStore(options: OpenStoreOptions) {
  const storeName = options.name ?? basename(options.file)
  // Taken before anything reads the file: reading it through fs while another connection of this process holds it would drop that one's locks.
  const lock: StoreLock | null = options.readOnly ? null : lockStore(options.file)
  let db: Db
  try {
    db = open(options, storeName)
  } catch (error) {
    lock?.release()
    throw error
  }
  // Set while a restore runs: a write then could land in neither the safety backup nor the restored store.
  let busyWith: string | null = null
  const unitOfWork = () => createUnitOfWork(db, { onEvent: options.onEvent, blockedBy: () => busyWith, readOnly: options.readOnly === true })
  let work = unitOfWork()
  async function exclusively<T>(task: string, run: () => Promise<T>): Promise<T> {
    if (options.readOnly) throw readOnlyRefusal(task)
    if (busyWith) throw new GraphKeepError('STORE_BUSY', `wait until ${busyWith} has finished`)
    busyWith = `${task} is running`
    try {
      return await run()
    } finally {
      busyWith = null
    }
  }
  /** Stops the readers, closes the connection, runs `swap` on the closed file and opens it again (a restore; an import into an empty store). */
  async function reopenAfter(swap: () => void): Promise<void> {
    await options.readers?.pause()
    try {
      closeConnection(db)
      try {
        swap()
      } finally {
        // The graph built from the old file is no use for the new one.
        removeAdjacencyFile(options.file)
        db = open(options, storeName)
        work = unitOfWork()
        Object.assign(store, connectionCalls(db, { options, work, lastBackupAt }))
      }
    } finally {
      options.readers?.resume()
    }
  }
  const backup = createBackupCalls({
    storeFile: options.file,
    storeName,
    db: () => db,
    reopenAfter,
    onEvent: options.onEvent,
    exclusively,
  })
  const lastBackupAt = () => backup.list().lastBackupAt
  const store = {
    file: options.file,
    ...connectionCalls(db, { options, work, lastBackupAt }),
    backup,
    ...createTransferCalls({ db: () => db, work: () => work, storeFile: options.file, onEvent: options.onEvent, exclusively, replaceStore: reopenAfter }),
    close: () => {
      closeConnection(db)
      lock?.release()
    },
  }
  if (options.readOnly) guardReadOnly(store)
  return store satisfies StoreCalls
}
