import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-005-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 005 (unit of work)', () => {
  it('keeps every audit row and batch of a schema 4 store, adds batch summaries and keyed audit rows, and stays append-only', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, upTo(4))
      db.prepare("INSERT INTO batches (at, operation) VALUES (1, 'nodes.create'), (2, 'nodes.update')").run()
      const audit = db.prepare('INSERT INTO audit (batch_id, entity, entity_id, op, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      audit.run(1, 'node', 7, 'insert', null, '{"key":"a"}')
      audit.run(2, 'node', 7, 'update', '{"key":"a"}', '{"key":"a","label":"A"}')
      const before = db.prepare('SELECT id, batch_id, entity, entity_id, op, before, after FROM audit ORDER BY id').all()

      expect(migrate(db, upTo(5))).toEqual([5])
      expect(db.prepare('SELECT id, batch_id, entity, entity_id, op, before, after FROM audit ORDER BY id').all()).toEqual(before)
      expect(db.prepare('SELECT id, operation, summary FROM batches ORDER BY id').all()).toEqual([
        { id: 1, operation: 'nodes.create', summary: null },
        { id: 2, operation: 'nodes.update', summary: null },
      ])
      // Views and metadata are named by key; nodes and edges by id, never both, never neither.
      db.prepare("INSERT INTO audit (batch_id, entity, entity_key, op, after) VALUES (2, 'meta', 'theme', 'insert', '\"dark\"')").run()
      expect(() => db.prepare("INSERT INTO audit (batch_id, entity, entity_id, op) VALUES (2, 'meta', 3, 'insert')").run()).toThrow(/CHECK/)
      expect(() => db.prepare("INSERT INTO audit (batch_id, entity, op) VALUES (2, 'node', 'insert')").run()).toThrow(/CHECK/)
      expect(() => db.prepare("INSERT INTO audit (batch_id, entity, entity_key, op) VALUES (2, 'group', 'g', 'insert')").run()).toThrow(/CHECK/)
      expect(() => db.prepare("UPDATE audit SET op = 'delete' WHERE id = 1").run()).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM audit WHERE id = 1').run()).toThrow(/append-only/)
      expect(() => db.prepare("UPDATE batches SET summary = 'not json' WHERE id = 1").run()).toThrow(/CHECK/)
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
