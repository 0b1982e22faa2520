import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { metaEffects, recordKeyedAudit } from '../repos/audit.ts'
import type { BatchRow } from '../repos/history-batches.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import { sameJson } from './same-json.ts'

/**
 * Writes back the metadata values `source` found (an import's entries), refusing when a value is no
 * longer the one `source` left: metadata has no rows to blame, so the message names the key.
 */
export function revertMeta(db: Db, batchId: number, source: BatchRow, what: 'undo' | 'redo'): void {
  if (source.first_audit_id === null) return
  for (const { key, before, after } of metaEffects(db, source.id, source.first_audit_id, source.last_audit_id ?? source.first_audit_id)) {
    const current = getMetaValue(db, key) ?? null
    if (!sameJson(current, after)) {
      throw new GraphKeepError('CONFLICT', `cannot ${what} #${source.id}: the metadata entry "${key}" has changed since`, { batchId: source.id, blockers: [], key })
    }
    if (before === null) deleteMetaValue(db, key)
    else putMetaValue(db, key, before)
    recordKeyedAudit(db, batchId, 'meta', key, before === null ? 'delete' : after === null ? 'insert' : 'update', after, before)
  }
}
