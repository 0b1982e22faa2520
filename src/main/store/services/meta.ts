import type { JsonValue } from '../../../shared/json.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { recordKeyedAudit } from '../repos/audit.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import type { UnitOfWork } from '../unit-of-work.ts'

export function createMetaCalls(db: Db, work: UnitOfWork) {
  return {
    get({ key }) {
      const json = getMetaValue(db, key)
      return { key, value: json === undefined ? null : (JSON.parse(json) as JsonValue) }
    },
    /** Setting null removes the entry. Audited with the value before and after. */
    set({ key, value }) {
      work.change('meta.set', ['meta'], ({ id }) => {
        const before = getMetaValue(db, key) ?? null
        const after = value === null ? null : JSON.stringify(value)
        if (before === after) return
        if (after === null) deleteMetaValue(db, key)
        else putMetaValue(db, key, after)
        recordKeyedAudit(db, id, 'meta', key, before === null ? 'insert' : after === null ? 'delete' : 'update', before, after)
      })
      return { key, value }
    },
  } satisfies Calls<'meta'>
}
