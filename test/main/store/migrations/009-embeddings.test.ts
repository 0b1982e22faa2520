import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-009-')
const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 009 (embeddings by model)', () => {
  it('keeps the v1 vectors, which the first open converts (normalised, norm kept; a mismatched dimension left out)', () => {
    const file = join(dir(), 'graph.db')
    const db = new Database(file)
    try {
      migrate(db, upTo(8))
      db.prepare("INSERT INTO nodes (key, type, label, created_at, updated_at) VALUES ('a', 't', 'A', 1, 1), ('b', 't', 'B', 1, 1), ('c', 't', 'C', 1, 1)").run()
      const put = db.prepare('INSERT INTO embeddings (node_id, model, dim, vector) VALUES (?, ?, ?, ?)')
      put.run(1, 'm', 2, Buffer.from(new Float32Array([3, 4]).buffer))
      put.run(2, 'm', 2, Buffer.from(new Float32Array([0, 2]).buffer))
      put.run(3, 'm', 3, Buffer.from(new Float32Array([1, 1, 1]).buffer))
      expect(migrate(db, upTo(9))).toEqual([9])
      expect(db.prepare('SELECT count(*) FROM embeddings_v1').pluck().get()).toBe(3)
      // The new tables refuse what the old one took.
      expect(() => db.prepare("INSERT INTO embedding_models (name, dim, chunk_size, created_at) VALUES ('x', 0, 1, 1)").run()).toThrow(/CHECK/)
      expect(() => db.prepare("INSERT INTO embedding_models (name, dim, chunk_size, created_at) VALUES ('x', 5000, 1, 1)").run()).toThrow(/CHECK/)
    } finally {
      db.close()
    }
    const store = openStore({ file })
    try {
      expect(store.embeddings.get({ key: 'a' }).items).toEqual([{ model: 'm', dim: 2, norm: 5, vector: [3, 4] }])
      expect(store.embeddings.get({ key: 'b' }).items).toEqual([{ model: 'm', dim: 2, norm: 2, vector: [0, 2] }])
      expect(store.embeddings.get({ key: 'c' }).items).toEqual([])
      expect(store.health.check({ full: true }).integrity.ok).toBe(true)
    } finally {
      store.close()
    }
    const after = new Database(file)
    try {
      expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'embeddings_v1'").pluck().get()).toBe(0)
      expect(after.pragma('foreign_key_check')).toEqual([])
    } finally {
      after.close()
    }
  })
})
