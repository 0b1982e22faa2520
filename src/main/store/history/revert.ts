import type { DataScope } from '../../../shared/events.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Blocker } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { getBatchRow, markRedone, markUndone, type BatchRow } from '../repos/history-batches.ts'
import {
  auditPlan, clearPlan, deletePlannedEdges, deletePlannedNodes, edgesBlockingNodeDeletes, edgesWithoutEnds,
  planMismatches, plannedInserts, preparePlan, rangeMismatches, restorePlannedEdges, restorePlannedNodes, takenKeys, type Range,
} from '../repos/revert-plan.ts'
import type { Batch, UnitOfWork } from '../unit-of-work.ts'
import { blame, type Obstacles } from './blame.ts'
import { checkKeptKeys, isRangeUndo, putBackRanges, REDO_BY_RANGE, takeOutRanges, UNDO_BY_RANGE } from './by-range.ts'
import { keepVectorsOfNodes, putBackVectors } from './kept-vectors.ts'
import { isRevertible, NOT_KEPT } from './origin.ts'
import { revertMeta } from './revert-meta.ts'
import { sameJson } from './same-json.ts'
import { vectorsChangedSince } from './vector-conflicts.ts'

/** Any batch may have changed vectors: set or deleted them, or deleted their nodes. */
const SCOPES: DataScope[] = ['nodes', 'edges', 'meta', 'embeddings']
const range = (first: number | null, last: number | null): Range => (first !== null && last !== null ? [first, last] : null)
const describe = (row: BatchRow) => `#${row.id} (${row.operation}, ${new Date(row.at).toISOString()})`

function batchNotFound(id: number): GraphKeepError {
  return new GraphKeepError('NOT_FOUND', `no batch #${id} in the history`, { batchId: id })
}

/** Undo and redo of any batch: its inverse (or its undo's inverse) applied in one transaction as a new audited batch. */
export function createReverter(db: Db, work: UnitOfWork) {
  function refuse(what: string, target: BatchRow, obstacles: Obstacles, after: number): never {
    const blockers = blame(db, obstacles, after, target.id)
    const list = blockers.map((b) => `${b.action} #${b.batchId} (${b.operation})`).join(', then ')
    const keys = obstacles.metaKeys?.length
      ? ` (the metadata entry ${obstacles.metaKeys.map((key) => `"${key}"`).join(', ')})`
      : obstacles.vectorNodes?.length ? ` (the vectors of ${obstacles.vectorNodes.length === 1 ? 'a node' : `${obstacles.vectorNodes.length} nodes`})` : ''
    const message = blockers.length
      ? `cannot ${what} ${describe(target)}: later changes touched the same rows${keys}. First ${list}, in that order`
      : `cannot ${what} ${describe(target)}: the rows it changed have changed since${keys}`
    throw new GraphKeepError('CONFLICT', message, { batchId: target.id, blockers, rows: obstacles.rows.slice(0, 20) })
  }

  /**
   * Writes `source`'s before-images back, refusing when the rows are no longer as `source` left them.
   * An import's rows (its id ranges) are deleted by range and kept for a redo (see ./by-range.ts); the
   * redo of such an undo puts the kept rows back.
   */
  function invert(what: 'undo' | 'redo', target: BatchRow, source: BatchRow, batch: Batch): void {
    const nodes = what === 'undo' ? range(source.first_node_id, source.last_node_id) : null
    const edges = what === 'undo' ? range(source.first_edge_id, source.last_edge_id) : null
    const refuseWith = (obstacles: Obstacles): never => refuse(what, target, obstacles, source.id)
    preparePlan(db, source.id, source.first_audit_id ?? 0, source.last_audit_id ?? -1)
    try {
      const changed = [...planMismatches(db), ...rangeMismatches(db, 'node', nodes, source.id), ...rangeMismatches(db, 'edge', edges, source.id)]
        .filter((row) => !sameJson(row.expected, row.current))
      if (changed.length) refuseWith({ rows: changed, insertedRows: [], deletedKeys: [] })
      const stranded = edgesBlockingNodeDeletes(db, nodes, edges)
      if (stranded.length) refuseWith({ rows: [], insertedRows: stranded.map((id) => ({ entity: 'edge', id })), deletedKeys: [] })
      const deletedNodes = plannedInserts(db, 'node')
      const vectorNodes = vectorsChangedSince(db, source.id, deletedNodes, nodes)
      if (vectorNodes.length) refuseWith({ rows: [], insertedRows: [], deletedKeys: [], vectorNodes })
      if (nodes || edges) takeOutRanges(db, batch, nodes, edges)
      const kept = what === 'redo' && isRangeUndo(source)
      if (kept) checkKeptKeys(db, source.id, refuseWith)
      auditPlan(db, batch.id)
      deletePlannedEdges(db)
      keepVectorsOfNodes(db, batch.id, deletedNodes)
      deletePlannedNodes(db)
      const taken = takenKeys(db)
      if (taken.length) refuseWith({ rows: [], insertedRows: taken.map(({ holder }) => ({ entity: 'node', id: holder })), deletedKeys: [] })
      restorePlannedNodes(db, batch.now)
      const { inserted, expected } = restorePlannedEdges(db, batch.now)
      if (inserted < expected) refuseWith({ rows: [], insertedRows: [], deletedKeys: edgesWithoutEnds(db).map((row) => row.key) })
      if (kept) putBackRanges(db, batch, source, refuseWith)
      putBackVectors(db, source.id, batch.id, batch.now)
      revertMeta(db, batch.id, source, refuseWith)
    } finally {
      clearPlan(db)
    }
  }

  function undoable(batchId: number): BatchRow {
    const target = getBatchRow(db, batchId)
    if (!target) throw batchNotFound(batchId)
    if (target.origin === 'undo' || target.origin === 'redo') {
      throw new GraphKeepError('VALIDATION', `#${batchId} is itself an ${target.origin}: redo or undo #${target.reverts} instead`, { batchId, reverts: target.reverts })
    }
    if (!isRevertible(target.origin, target.operation)) {
      const what = target.operation === NOT_KEPT ? 'removed a model with all its vectors, which are not kept' : `changed ${target.origin === 'view' ? 'a saved view' : 'settings'}`
      throw new GraphKeepError('VALIDATION', `#${batchId} (${target.operation}) ${what}; only changes to nodes, edges, vectors and metadata entries are undone here`, { batchId })
    }
    if (target.compacted) throw new GraphKeepError('CONFLICT', `#${batchId} is older than the history's checkpoint: its rows were compacted and it can no longer be undone`, { batchId, blockers: [] })
    return target
  }

  function undo(batchId: number): number {
    const target = undoable(batchId)
    if (target.undone_by !== null) throw new GraphKeepError('CONFLICT', `#${batchId} is already undone (by #${target.undone_by})`, { batchId, blockers: [] })
    const byRange = target.first_node_id !== null || target.first_edge_id !== null
    return work.change(byRange ? UNDO_BY_RANGE : 'history.undo', SCOPES, (batch) => {
      invert('undo', target, target, batch)
      markUndone(db, target.id, batch.id)
      return batch.id
    })
  }

  function redo(batchId: number): number {
    const target = undoable(batchId)
    const undoBatch = target.undone_by === null ? undefined : getBatchRow(db, target.undone_by)
    if (!undoBatch) throw new GraphKeepError('CONFLICT', `#${batchId} is not undone, so there is nothing to redo`, { batchId, blockers: [] })
    return work.change(isRangeUndo(undoBatch) ? REDO_BY_RANGE : 'history.redo', SCOPES, (batch) => {
      invert('redo', target, undoBatch, batch)
      markRedone(db, target.id, batch.id)
      return batch.id
    })
  }

  /** Undoes the later batches in the way first (newest first, and what stands in their way before them), then this one: all or nothing. */
  function undoWithLater(batchId: number): { batchId: number; undone: number[] } {
    const undone: number[] = []
    const visit = (id: number, depth: number): number => {
      for (let attempt = 0; ; attempt++) {
        try {
          const undoBatch = undo(id)
          undone.push(id)
          return undoBatch
        } catch (error) {
          const blockers = error instanceof GraphKeepError && error.code === 'CONFLICT' ? ((error.details as { blockers?: Blocker[] })?.blockers ?? []) : []
          const toUndo = blockers.filter((b) => b.action === 'undo' && b.batchId !== id)
          if (toUndo.length === 0 || attempt > 20 || depth > 200) throw error
          for (const blocker of toUndo) visit(blocker.batchId, depth + 1)
        }
      }
    }
    return db.transaction(() => ({ batchId: visit(batchId, 0), undone }))()
  }

  return { undo, redo, undoWithLater }
}
