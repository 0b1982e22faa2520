import type { MetaEntry } from '../../../shared/domain.ts'
import type { JsonValue } from '../../../shared/json.ts'
import type { Db } from '../db.ts'
import { deleteMetaValue, getMetaValue, putMetaValue } from '../repos/meta.ts'
import type { Write } from './write.ts'

export function createMetaService(db: Db, write: Write) {
  return {
    getMeta(key: string): MetaEntry {
      const json = getMetaValue(db, key)
      return { key, value: json === undefined ? null : (JSON.parse(json) as JsonValue) }
    },
    /** Setting null removes the entry. */
    setMeta(key: string, value: JsonValue | null): MetaEntry {
      write('meta.set', ['meta'], () => (value === null ? deleteMetaValue(db, key) : putMetaValue(db, key, JSON.stringify(value))))
      return { key, value }
    },
  }
}
