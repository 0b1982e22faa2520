import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-010-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 010 (metric runs)', () => {
  it('adds runs and their values (three blobs of matching lengths), removed with their run, and leaves a v5 store intact', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, upTo(5))
      db.prepare("INSERT INTO nodes (key, type, label, created_at, updated_at) VALUES ('a', 't', 'A', 1, 1)").run()
      expect(migrate(db)).toContain(10)
      expect(db.prepare('SELECT key FROM nodes').pluck().all()).toEqual(['a'])
      const run = db.prepare(
        "INSERT INTO metric_runs (algorithm, params, scope, batch_id, started_at, duration_ms, node_count, edge_count, summary) VALUES ('pagerank', '{}', '{\"direction\":\"out\"}', 0, 1, 2.5, 2, 1, '{}')",
      ).run()
      const id = Number(run.lastInsertRowid)
      const values = db.prepare('INSERT INTO metric_values (run_id, node_ids, vals, ranked) VALUES (?, ?, ?, ?)')
      values.run(id, Buffer.alloc(8), Buffer.alloc(16), Buffer.alloc(8))
      expect(() => values.run(id + 1, Buffer.alloc(8), Buffer.alloc(16), Buffer.alloc(8))).toThrow(/FOREIGN KEY/)
      expect(() => db.prepare('UPDATE metric_values SET vals = ? WHERE run_id = ?').run(Buffer.alloc(8), id)).toThrow(/CHECK/)
      expect(() => db.prepare("UPDATE metric_runs SET params = 'nope' WHERE id = ?").run(id)).toThrow(/CHECK/)
      db.prepare('DELETE FROM metric_runs WHERE id = ?').run(id)
      expect(db.prepare('SELECT count(*) FROM metric_values').pluck().get()).toBe(0)
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
