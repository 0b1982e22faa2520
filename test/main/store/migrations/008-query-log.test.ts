import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-008-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 008 (query log)', () => {
  it('keeps the log rows of an older store, adds origin, error message and truncation, and the indexes of the log page', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, upTo(7))
      db.prepare("INSERT INTO query_log (at, method, params, duration_ms, row_count, error_code) VALUES (1, 'nodes.get', '{}', 0.5, 1, NULL)").run()
      expect(migrate(db, upTo(8))).toEqual([8])
      expect(db.prepare('SELECT at, method, origin, error_message, params_truncated FROM query_log').all()).toEqual([
        { at: 1, method: 'nodes.get', origin: 'desktop', error_message: null, params_truncated: 0 },
      ])
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'query_log' ORDER BY name").pluck().all()
      expect(indexes).toEqual(['query_log_at', 'query_log_duration', 'query_log_errors', 'query_log_method'])
      expect(() => db.prepare("INSERT INTO query_log (at, method, duration_ms, origin) VALUES (1, 'x', 1, 'phone')").run()).toThrow(/CHECK/)
      expect(() => db.prepare("INSERT INTO query_log (at, method, duration_ms, params_truncated) VALUES (1, 'x', 1, 2)").run()).toThrow(/CHECK/)
      // The slowest-first and errors-only reads use their indexes.
      const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => (row as { detail: string }).detail).join(' ')
      expect(plan('SELECT * FROM query_log ORDER BY duration_ms DESC LIMIT 20')).toMatch(/query_log_duration/)
      expect(plan('SELECT * FROM query_log WHERE error_code IS NOT NULL AND at >= 5')).toMatch(/query_log_errors/)
      expect(plan("SELECT * FROM query_log WHERE method = 'x' ORDER BY id DESC LIMIT 200")).not.toMatch(/TEMP B-TREE/)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
