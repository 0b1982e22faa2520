import type { Db } from '../db.ts'
import { currentImages, firstChangesAfter, keptImages, lastChangesUpTo, rangeBatches, type Entity, type RangeBatch } from '../repos/as-of-read.ts'

export interface RowImages {
  /** Each row's image at the time (null: it did not exist then). */
  then: Map<number, string | null>
  /** Each row's image now, for the rows there now. */
  now: Map<number, string>
}

interface Pending { id: number; batchId: number; events: RangeBatch[] }

/**
 * Many rows' images at a time, in three rounds of one statement each. A row's image is as it was
 * after its last change up to then, be it an audited change or a batch that put it in or took it out
 * by id range (an import, its undo and redo). A row put in by range is as the next audited change
 * found it, or as the next undo by range kept it, or as it is now. Null: the row was not there then.
 * (test/helpers/as-of-by-row.ts answers row by row, as the store did before; the tests compare.)
 */
export function rowImagesAt(db: Db, entity: Entity, ids: number[], at: number, lastBatchUpTo: () => number): RowImages {
  const then = new Map<number, string | null>()
  if (ids.length === 0) return { then, now: new Map() }
  const now = new Map(currentImages(db, entity, ids).map((row) => [row.id, row.image]))
  const ranges = rangeBatches(db, entity)
  const last = new Map(lastChangesUpTo(db, entity, ids, at).map((row) => [row.id, row]))
  const pending: Pending[] = []
  for (const id of ids) {
    const events = ranges.filter((range) => range.last !== null && id >= range.first && id <= range.last)
    const change = last.get(id)
    const lastRange = events.filter((event) => event.at <= at).at(-1)
    if (lastRange && (!change || lastRange.id > change.batchId)) {
      if (lastRange.operation === 'import.undo') then.set(id, null)
      else pending.push({ id, batchId: lastRange.id, events })
    } else if (change) then.set(id, change.image)
    else if (events.length > 0) then.set(id, null)
    else pending.push({ id, batchId: lastBatchUpTo(), events })
  }
  const next = new Map(firstChangesAfter(db, entity, pending).map((row) => [row.id, row]))
  const takenOut: { id: number; batchId: number }[] = []
  for (const { id, batchId, events } of pending) {
    const change = next.get(id)
    const undo = events.find((event) => event.id > batchId && event.operation === 'import.undo')
    if (change && (!undo || change.batchId < undo.id)) then.set(id, change.image)
    else if (undo) takenOut.push({ id, batchId: undo.id })
    else then.set(id, now.get(id) ?? null)
  }
  const kept = takenOut.length === 0 ? new Map<number, string>() : new Map(keptImages(db, entity, takenOut).map((row) => [row.id, row.image]))
  for (const { id } of takenOut) then.set(id, kept.get(id) ?? null)
  return { then, now }
}
