import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../../../../src/main/store/migrate.ts'
import { migrations } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migration-004-')

it('migration 4 gives batches their import id ranges and keeps the batches already there', () => {
  const file = join(dir(), 'v3.db')
  const db = new Database(file)
  migrate(db, migrations.filter((m) => m.version < 4))
  db.prepare("INSERT INTO batches (at, operation) VALUES (1, 'nodes.create')").run()
  migrate(db, migrations.filter((m) => m.version <= 4))
  db.close()
  withRawDb(file, (raw) => {
    expect(raw.pragma('user_version', { simple: true })).toBe(4)
    const columns = raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('batches')
    expect(columns).toEqual(['id', 'at', 'operation', 'first_node_id', 'last_node_id', 'first_edge_id', 'last_edge_id'])
    expect(raw.prepare('SELECT * FROM batches').all()).toEqual([
      { id: 1, at: 1, operation: 'nodes.create', first_node_id: null, last_node_id: null, first_edge_id: null, last_edge_id: null },
    ])
  })
})
