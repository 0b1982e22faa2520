import { GraphKeepError } from '../../../shared/errors.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { getBatchRow, listBatchRows, redoTop, undoTop } from '../repos/history-batches.ts'
import { batchAuditRows } from '../repos/history-read.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { nodeAsOf } from './as-of.ts'
import { nodesAsOf } from './as-of-many.ts'
import { listDeleted, restoreDeleted } from './deleted.ts'
import { toRowChange } from './diff.ts'
import { nodeHistory } from './node-history.ts'
import { historyRetention } from './retention.ts'
import { createReverter } from './revert.ts'
import { toBatchSummary } from './summaries.ts'

/** The history domain: the audit trail read back, undo and redo of any batch, deleted rows, retention. */
export function createHistoryCalls(db: Db, work: UnitOfWork) {
  const reverter = createReverter(db, work)
  const retention = historyRetention(db, work)
  const summaryOf = (id: number) => {
    const row = getBatchRow(db, id)
    if (!row) throw new GraphKeepError('NOT_FOUND', `no batch #${id} in the history`, { batchId: id })
    return toBatchSummary(row)
  }
  return {
    list(input) {
      const rows = listBatchRows(db, {
        origins: input.origins ?? null, operation: input.operation ?? null, from: input.from ?? null, to: input.to ?? null, before: input.before ?? null, limit: input.limit + 1,
      })
      const items = rows.slice(0, input.limit).map(toBatchSummary)
      return { items, nextBefore: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null }
    },
    batch({ id, limit, after }) {
      const batch = summaryOf(id)
      const row = getBatchRow(db, id)
      const rows = row?.first_audit_id ? batchAuditRows(db, id, row.first_audit_id, row.last_audit_id ?? row.first_audit_id, after ?? 0, limit + 1) : []
      const page = rows.slice(0, limit).map(toRowChange)
      const pair = (a: number | null | undefined, b: number | null | undefined): [number, number] | null => (a != null && b != null ? [a, b] : null)
      return {
        batch,
        rows: page,
        ranges: { nodes: pair(row?.first_node_id, row?.last_node_id), edges: pair(row?.first_edge_id, row?.last_edge_id) },
        nextAfter: rows.length > limit ? (page.at(-1)?.auditId ?? null) : null,
      }
    },
    node: ({ key, limit }) => nodeHistory(db, key, limit),
    undo({ batchId, withLater }) {
      if (withLater) return reverter.undoWithLater(batchId)
      return { batchId: reverter.undo(batchId), undone: [batchId] }
    },
    redo: ({ batchId }) => ({ batchId: reverter.redo(batchId), redone: [batchId] }),
    stack() {
      const undo = undoTop(db)
      const redo = redoTop(db)
      return {
        undo: undo ? { batch: summaryOf(undo.id), at: undo.appliedAt } : null,
        redo: redo ? { batch: summaryOf(redo.id), at: redo.undoneAt } : null,
      }
    },
    undoLast() {
      const top = undoTop(db)
      return top ? { batchId: reverter.undo(top.id), target: top.id } : { batchId: null, target: null }
    },
    redoLast() {
      const top = redoTop(db)
      return top ? { batchId: reverter.redo(top.id), target: top.id } : { batchId: null, target: null }
    },
    deleted: ({ entity, limit, before }) => listDeleted(db, entity, before ?? null, limit),
    restore: ({ nodes, edges }) => {
      if (nodes.length + edges.length === 0) throw new GraphKeepError('VALIDATION', 'name at least one deleted node or edge to restore')
      return restoreDeleted(db, work, nodes, edges)
    },
    asOf: ({ key, at }) => nodeAsOf(db, key, at),
    asOfMany: ({ keys, at }) => nodesAsOf(db, keys, at),
    size: () => retention.size(),
    getSettings: () => retention.getSettings(),
    setSettings: (settings) => retention.setSettings(settings),
    compact: ({ olderThanDays }) => retention.compact(olderThanDays),
  } satisfies Calls<'history'>
}
