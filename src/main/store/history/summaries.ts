import type { BatchOrigin, BatchSummary } from '../../../shared/history.ts'
import type { BatchRow } from '../repos/history-batches.ts'
import { isRevertible } from './origin.ts'

export function toBatchSummary(row: BatchRow): BatchSummary {
  const counts = row.summary ? ((JSON.parse(row.summary) as { counts?: Record<string, number> }).counts ?? {}) : {}
  const user = isRevertible(row.origin, row.operation) && row.compacted === 0
  return {
    id: row.id,
    at: row.at,
    operation: row.operation,
    origin: row.origin as BatchOrigin,
    counts,
    size: Object.values(counts).reduce((sum, n) => sum + n, 0),
    reverts: row.reverts,
    undoneBy: row.undone_by,
    redoneBy: row.redone_by,
    compacted: row.compacted === 1,
    canUndo: user && row.undone_by === null,
    canRedo: user && row.undone_by !== null,
  }
}
