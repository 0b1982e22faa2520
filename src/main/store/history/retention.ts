import type { HistorySettings } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { recordKeyedAudit } from '../repos/audit.ts'
import { auditSize, checkpointAt, compactAuditUpTo, hasUncompactedUpTo, lastBatchUpTo } from '../repos/history-retention.ts'
import { dropKeptRowsUpTo } from '../repos/range-undo.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import type { UnitOfWork } from '../unit-of-work.ts'

const RETENTION_KEY = 'graphkeep.history.retentionDays'
const DAY_MS = 86_400_000

export function readHistorySettings(db: Db): HistorySettings {
  const json = getMetaValue(db, RETENTION_KEY)
  return { retentionDays: json === undefined ? null : (JSON.parse(json) as number) }
}

export function historyRetention(db: Db, work: UnitOfWork) {
  function compact(olderThanDays: number) {
    const checkpoint = lastBatchUpTo(db, Date.now() - olderThanDays * DAY_MS)
    // Nothing new to compact: no batch (not even an empty compaction) is written.
    if (checkpoint === undefined || !hasUncompactedUpTo(db, checkpoint)) return { removedAuditRows: 0, compactedBatches: 0, checkpointAt: checkpointAt(db) }
    const result = work.change('history.compact', ['meta'], () => {
      dropKeptRowsUpTo(db, checkpoint)
      return compactAuditUpTo(db, checkpoint)
    })
    return { ...result, checkpointAt: checkpointAt(db) }
  }
  return {
    compact,
    size: () => ({ ...auditSize(db), checkpointAt: checkpointAt(db), retentionDays: readHistorySettings(db).retentionDays }),
    getSettings: () => readHistorySettings(db),
    /** Saving a retention compacts at once what is older; keep-all (null) compacts nothing. */
    setSettings({ retentionDays }: HistorySettings): HistorySettings {
      work.change('history.setSettings', ['meta'], ({ id }) => {
        const before = getMetaValue(db, RETENTION_KEY) ?? null
        const after = retentionDays === null ? null : JSON.stringify(retentionDays)
        if (before === after) return
        if (after === null) deleteMetaValue(db, RETENTION_KEY)
        else putMetaValue(db, RETENTION_KEY, after)
        recordKeyedAudit(db, id, 'meta', RETENTION_KEY, before === null ? 'insert' : after === null ? 'delete' : 'update', before, after)
      })
      if (retentionDays !== null) compact(retentionDays)
      return readHistorySettings(db)
    },
  }
}

/**
 * The retention setting applied when a store is opened: history older than the kept days is compacted
 * into the checkpoint (the Health page shows it; undo before it is refused, as after a compaction on
 * demand). Keep-all (the default) compacts nothing. Returns what was compacted.
 */
export function compactHistoryAtOpen(db: Db, work: UnitOfWork): { removedAuditRows: number; compactedBatches: number } {
  const { retentionDays } = readHistorySettings(db)
  if (retentionDays === null) return { removedAuditRows: 0, compactedBatches: 0 }
  return historyRetention(db, work).compact(retentionDays)
}
