import type { Db } from '../db.ts'
import {
  BULK_IMPORT_MARKER, createSecondaryIndex, dropSecondaryIndexes, missingSecondaryIndexes, rebuildNodeText, SECONDARY_INDEX_COUNT,
} from '../repos/bulk-indexes.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import { setForeignKeys, withTempStoreOnDisk } from '../repos/pragmas.ts'

/**
 * An import into an empty store loads rows without the secondary indexes and the text index, then
 * builds both once. The marker is committed before anything is dropped, so a crash in between is
 * finished by the next open (finishInterruptedBulkImport).
 */
export function enterBulkMode(db: Db): void {
  db.transaction(() => putMetaValue(db, BULK_IMPORT_MARKER, JSON.stringify({ startedAt: Date.now() })))()
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

/** At open: a bulk import that did not finish leaves its marker; every index and the text index are restored. */
export function finishInterruptedBulkImport(db: Db): boolean {
  if (db.readonly || getMetaValue(db, BULK_IMPORT_MARKER) === undefined) return false
  withTempStoreOnDisk(db, () => db.transaction(() => {
    for (let index = 0; index < SECONDARY_INDEX_COUNT; index++) createSecondaryIndex(db, index)
    rebuildNodeText(db)
    deleteMetaValue(db, BULK_IMPORT_MARKER)
  })())
  return missingSecondaryIndexes(db).length === 0
}
