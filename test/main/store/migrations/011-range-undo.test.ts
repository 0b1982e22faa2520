import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-011-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 011 (range undo)', () => {
  it('adds the tables an undo by range keeps its rows in, keyed by the undo batch, and leaves the rest as it was', () => {
    const db = new Database(join(dir(), 'graph.db'))
    try {
      migrate(db, upTo(10))
      db.prepare("INSERT INTO batches (at, operation, origin) VALUES (1, 'import', 'import'), (2, 'import.undo', 'undo')").run()
      const tablesBefore = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
      expect(migrate(db, upTo(11))).toEqual([11])
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
      expect(tables.filter((name) => !tablesBefore.includes(name))).toEqual(['undone_edges', 'undone_nodes', 'undone_vectors'])
      db.prepare("INSERT INTO undone_nodes VALUES (2, 7, 'a', 't', 'A', '{}', 1, 1)").run()
      db.prepare("INSERT INTO undone_edges VALUES (2, 3, 'a', 'b', 'knows', '{}', 1, 1, 1)").run()
      db.prepare("INSERT INTO undone_vectors VALUES (2, 7, 'm', x'0000803f', 1)").run()
      // One kept row per id and undo batch; the batch must exist.
      expect(() => db.prepare("INSERT INTO undone_nodes VALUES (2, 7, 'b', 't', 'B', '{}', 1, 1)").run()).toThrow(/UNIQUE|PRIMARY/)
      db.pragma('foreign_keys = ON')
      expect(() => db.prepare("INSERT INTO undone_nodes VALUES (99, 8, 'c', 't', 'C', '{}', 1, 1)").run()).toThrow(/FOREIGN KEY/)
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
