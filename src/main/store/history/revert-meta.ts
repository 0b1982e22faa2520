import type { Db } from '../db.ts'
import { metaEffects, recordKeyedAudit } from '../repos/audit.ts'
import type { BatchRow } from '../repos/history-batches.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import type { Obstacles } from './blame.ts'
import { sameJson } from './same-json.ts'

/**
 * Writes back the metadata values `source` found (an import's entries), refusing when a value is no
 * longer the one `source` left: the keys that changed are the obstacles (blame names the later
 * batches that wrote them).
 */
export function revertMeta(db: Db, batchId: number, source: BatchRow, refuse: (obstacles: Obstacles) => never): void {
  if (source.first_audit_id === null) return
  const effects = metaEffects(db, source.id, source.first_audit_id, source.last_audit_id ?? source.first_audit_id)
  const changed = effects.filter(({ key, after }) => !sameJson(getMetaValue(db, key) ?? null, after)).map(({ key }) => key)
  if (changed.length) refuse({ rows: [], insertedRows: [], deletedKeys: [], metaKeys: changed })
  for (const { key, before, after } of effects) {
    if (before === null) deleteMetaValue(db, key)
    else putMetaValue(db, key, before)
    recordKeyedAudit(db, batchId, 'meta', key, before === null ? 'delete' : after === null ? 'insert' : 'update', after, before)
  }
}
