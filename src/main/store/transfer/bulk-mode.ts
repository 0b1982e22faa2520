import type { StoreStats } from '../../../shared/domain.ts'
import type { ImportOptions } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { deleteBatchesAfter, latestBatchId } from '../repos/batches.ts'
import { BULK_IMPORT_MARKER, createSecondaryIndex, dropSecondaryIndexes, rebuildNodeText, SECONDARY_INDEX_COUNT } from '../repos/bulk-indexes.ts'
import { countEdges } from '../repos/edges.ts'
import { emptyGraphTables } from '../repos/import-rows.ts'
import { countNodes } from '../repos/nodes.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import { setForeignKeys, withTempStoreOnDisk } from '../repos/pragmas.ts'

const INTERRUPTED_IMPORT = 'graphkeep.interruptedImport'

/**
 * An import into an empty store loads rows without the secondary indexes and the text index, then
 * builds both once. The marker is committed before anything is dropped, so a crash in between is
 * finished by the next open (finishInterruptedBulkImport).
 */
export function enterBulkMode(db: Db, onError: ImportOptions['onError']): void {
  db.transaction(() => {
    deleteMetaValue(db, INTERRUPTED_IMPORT)
    putMetaValue(db, BULK_IMPORT_MARKER, JSON.stringify({ startedAt: Date.now(), onError, afterBatch: latestBatchId(db) }))
  })()
  db.transaction(() => dropSecondaryIndexes(db))()
  // Every edge is joined to both of its nodes on the way in, so the foreign key checks would only repeat that work.
  setForeignKeys(db, false)
}

/** Builds the indexes back, one statement each (the caller may yield between them), then the text index. */
export async function leaveBulkMode(db: Db, between: (step: number, steps: number) => Promise<void>): Promise<void> {
  setForeignKeys(db, true)
  const steps = SECONDARY_INDEX_COUNT + 1
  for (let index = 0; index < SECONDARY_INDEX_COUNT; index++) {
    await between(index, steps)
    // Index builds sort every row; with temp_store = MEMORY the sorter's spill files would be memory too, and a
    // large import's memory would grow with the file. (Changing temp_store drops temp tables; the store keeps none.)
    withTempStoreOnDisk(db, () => createSecondaryIndex(db, index))
  }
  await between(SECONDARY_INDEX_COUNT, steps)
  db.transaction(() => {
    rebuildNodeText(db)
    deleteMetaValue(db, BULK_IMPORT_MARKER)
  })()
}

/**
 * At open: a bulk import that did not finish leaves its marker. In abort mode, which promises that
 * nothing is written unless all is, the rows it committed are removed (the store was empty before it);
 * in skip mode they stay, as a cancel keeps them. Either way every index and the text index are restored,
 * and what happened is kept in meta for the app to say (store.stats().interruptedImport) until the next import.
 */
export function finishInterruptedBulkImport(db: Db): StoreStats['interruptedImport'] {
  const marker = db.readonly ? undefined : getMetaValue(db, BULK_IMPORT_MARKER)
  if (marker === undefined) return null
  const { startedAt = Date.now(), onError = 'abort', afterBatch = 0 } = JSON.parse(marker) as { startedAt?: number; onError?: 'abort' | 'skip'; afterBatch?: number }
  const report = { at: startedAt, onError, nodes: countNodes(db), edges: countEdges(db), removed: onError === 'abort' }
  withTempStoreOnDisk(db, () => db.transaction(() => {
    if (report.removed) {
      emptyGraphTables(db)
      deleteBatchesAfter(db, afterBatch)
    }
    for (let index = 0; index < SECONDARY_INDEX_COUNT; index++) createSecondaryIndex(db, index)
    rebuildNodeText(db)
    deleteMetaValue(db, BULK_IMPORT_MARKER)
    putMetaValue(db, INTERRUPTED_IMPORT, JSON.stringify(report))
  })())
  return report
}

/** What the last interrupted import left, as found at open; null when the last import ended normally. */
export function interruptedImport(db: Db): StoreStats['interruptedImport'] {
  const value = getMetaValue(db, INTERRUPTED_IMPORT)
  return value === undefined ? null : (JSON.parse(value) as StoreStats['interruptedImport'])
}

/** A non-bulk import starting also means the notice of an interrupted one has been seen through. */
export function clearInterruptedImport(db: Db): void {
  if (getMetaValue(db, INTERRUPTED_IMPORT) !== undefined) db.transaction(() => deleteMetaValue(db, INTERRUPTED_IMPORT))()
}
