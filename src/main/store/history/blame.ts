import type { Blocker } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { batchesKeepingVectorsOf } from '../repos/range-vectors.ts'
import { batchesTouching, batchesTouchingMeta, getBatchRow, importHolding, lastDeleteOfNodeKey } from '../repos/history-batches.ts'

/** What stands in a revert's way, as rows and keys; blame turns it into batches to undo or redo first. */
export interface Obstacles {
  rows: { entity: 'node' | 'edge'; id: number }[]
  /** Rows another batch inserted (an import by id range, an edit by audit row). */
  insertedRows: { entity: 'node' | 'edge'; id: number }[]
  deletedKeys: string[]
  /** Metadata entries whose value is no longer the one the batch left. */
  metaKeys?: string[]
  /** Nodes whose vectors changed since (see ./vector-conflicts.ts). */
  vectorNodes?: number[]
}

/**
 * The user-facing batches behind a revert's obstacles, newest first: an undo or redo batch stands for
 * the batch it reverted. A batch in effect is to be undone first; an undone one, redone first.
 */
export function blame(db: Db, obstacles: Obstacles, after: number, exclude: number): Blocker[] {
  const touching = new Set<number>()
  for (const row of [...obstacles.rows, ...obstacles.insertedRows]) for (const id of batchesTouching(db, row.entity, row.id, after)) touching.add(id)
  for (const row of obstacles.insertedRows) {
    const id = importHolding(db, row.entity, row.id)
    if (id !== undefined && id > after) touching.add(id)
  }
  if (obstacles.vectorNodes?.length) for (const id of batchesKeepingVectorsOf(db, obstacles.vectorNodes, after)) touching.add(id)
  for (const key of obstacles.metaKeys ?? []) for (const id of batchesTouchingMeta(db, key, after)) touching.add(id)
  for (const key of obstacles.deletedKeys) {
    const id = lastDeleteOfNodeKey(db, key)
    if (id !== undefined && id > after) touching.add(id)
  }
  const blockers = new Map<number, Blocker & { order: number }>()
  for (const id of touching) {
    const row = getBatchRow(db, id)
    if (!row) continue
    const userBatch = row.origin === 'undo' || row.origin === 'redo' ? getBatchRow(db, row.reverts ?? 0) : row
    if (!userBatch || userBatch.id === exclude) continue
    const action = userBatch.undone_by === null ? 'undo' : 'redo'
    const known = blockers.get(userBatch.id)
    if (known && known.order >= id) continue
    blockers.set(userBatch.id, { batchId: userBatch.id, operation: userBatch.operation, at: userBatch.at, action, order: id })
  }
  return [...blockers.values()].sort((a, b) => b.order - a.order).map(({ order: _order, ...blocker }) => blocker)
}
