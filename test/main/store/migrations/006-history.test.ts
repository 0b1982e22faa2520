import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-006-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 006 (history)', () => {
  it('gives existing batches their origin and audit span, adds the history indexes, and keeps the trail append-only', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, upTo(5))
      db.prepare("INSERT INTO batches (at, operation) VALUES (1, 'nodes.create'), (2, 'import'), (3, 'views.save'), (4, 'meta.set')").run()
      const audit = db.prepare('INSERT INTO audit (batch_id, entity, entity_id, op, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      audit.run(1, 'node', 7, 'insert', null, '{"key":"a"}')
      audit.run(1, 'edge', 3, 'insert', null, '{"source":"a","target":"a"}')
      audit.run(2, 'node', 7, 'update', '{"key":"a"}', '{"key":"a","label":"A"}')

      expect(migrate(db, upTo(6))).toEqual([6])
      expect(db.prepare('SELECT id, origin, first_audit_id, last_audit_id, reverts, undone_by, compacted FROM batches ORDER BY id').all()).toEqual([
        { id: 1, origin: 'edit', first_audit_id: 1, last_audit_id: 2, reverts: null, undone_by: null, compacted: 0 },
        { id: 2, origin: 'import', first_audit_id: 3, last_audit_id: 3, reverts: null, undone_by: null, compacted: 0 },
        { id: 3, origin: 'view', first_audit_id: null, last_audit_id: null, reverts: null, undone_by: null, compacted: 0 },
        { id: 4, origin: 'meta', first_audit_id: null, last_audit_id: null, reverts: null, undone_by: null, compacted: 0 },
      ])
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit' ORDER BY name").pluck().all()
      expect(indexes).toEqual(['audit_by_edge_source', 'audit_by_edge_target', 'audit_by_node_key', 'audit_by_row'])
      // The node History tab's lookups read the indexes, not the whole trail.
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM audit WHERE entity = 'node' AND coalesce(after, before) ->> 'key' = 'a'").all() as { detail: string }[]
      expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX audit_by_node_key/)
      expect(() => db.prepare("UPDATE batches SET origin = 'other' WHERE id = 1").run()).toThrow(/CHECK/)
      expect(() => db.prepare('DELETE FROM audit WHERE id = 1').run()).toThrow(/append-only/)
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
