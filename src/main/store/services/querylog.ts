import { GraphKeepError } from '../../../shared/errors.ts'
import { DEFAULT_LOG_RETENTION, type NewQueryLogEntry, type QueryLogSettings } from '../../../shared/querylog.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { recordKeyedAudit } from '../repos/audit.ts'
import { getMetaValue, putMetaValue } from '../repos/meta.ts'
import {
  getQueryLogRow,
  insertQueryLogEntries,
  listQueryLogRows,
  queryLogTimings,
  slowestQueryLogRows,
  trimQueryLog,
} from '../repos/query-log.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { callStatistics, latencySeries } from './querylog-stats.ts'

const SETTINGS_KEY = 'querylog.settings'
const SLOWEST = 20

function readSettings(db: Db): QueryLogSettings {
  const json = getMetaValue(db, SETTINGS_KEY)
  const stored = json === undefined ? undefined : (JSON.parse(json) as Partial<QueryLogSettings>)
  return { maxEntries: stored?.maxEntries ?? DEFAULT_LOG_RETENTION }
}

/**
 * The query log's calls. `append` is the store's own (dispatch's buffer calls it through the host);
 * it is not in the contract, so no client can write the log.
 */
export function createQueryLogCalls(db: Db, work: UnitOfWork, readOnly: boolean) {
  const calls = {
    list({ limit, cursor, ...filters }) {
      const items = listQueryLogRows(db, filters, limit + 1, cursor === undefined ? null : Number(cursor))
      const more = items.length > limit
      if (more) items.pop()
      return { items, nextCursor: more ? String(items.at(-1)?.id) : null }
    },
    get({ id }) {
      const entry = getQueryLogRow(db, id)
      if (!entry) throw new GraphKeepError('NOT_FOUND', `no query log entry ${id} (it may have been dropped by the retention limit)`)
      return entry
    },
    summary(filters) {
      const rows = queryLogTimings(db, filters)
      return {
        total: rows.length,
        calls: callStatistics(rows),
        ...latencySeries(rows, filters),
        slowest: slowestQueryLogRows(db, filters, SLOWEST),
      }
    },
    getSettings: () => readSettings(db),
    setSettings(settings) {
      work.change('querylog.setSettings', ['meta'], ({ id }) => {
        const before = getMetaValue(db, SETTINGS_KEY) ?? null
        const after = JSON.stringify(settings)
        putMetaValue(db, SETTINGS_KEY, after)
        recordKeyedAudit(db, id, 'meta', SETTINGS_KEY, before === null ? 'insert' : 'update', before, after)
        trimQueryLog(db, settings.maxEntries)
      })
      return settings
    },
  } satisfies Calls<'querylog'>
  return {
    ...calls,
    /** Writes a batch of entries in one transaction and drops the oldest beyond the retention limit. */
    append({ entries }: { entries: NewQueryLogEntry[] }): { written: number; dropped: number } {
      // An inspected copy is never written; its own log stays as it was.
      if (readOnly || entries.length === 0) return { written: 0, dropped: 0 }
      return db.transaction(() => {
        insertQueryLogEntries(db, entries)
        return { written: entries.length, dropped: trimQueryLog(db, readSettings(db).maxEntries) }
      })()
    },
  }
}
