import type { HistorySettings } from '../../../shared/history.ts'
import type { Db } from '../db.ts'
import { recordKeyedAudit } from '../repos/audit.ts'
import { auditSize, checkpointAt, compactAuditUpTo, lastBatchUpTo } from '../repos/history-retention.ts'
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
    if (checkpoint === undefined) return { removedAuditRows: 0, compactedBatches: 0, checkpointAt: checkpointAt(db) }
    const result = work.change('history.compact', ['meta'], () => compactAuditUpTo(db, checkpoint))
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
