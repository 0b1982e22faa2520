import { createHash } from 'node:crypto'
import { GraphKeepError } from '../../shared/errors.ts'
import type { Db } from './db.ts'
import { migrations as allMigrations, type Migration } from './migrations/index.ts'
import { ensureMigrationLedger, recordMigration, runMigrationSql } from './migrations/ledger.ts'
import { schemaVersionOf, setSchemaVersion } from './repos/pragmas.ts'

export { schemaVersionOf }

export const checksumOf = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex')

/** Applies every pending migration in one transaction, recording each with its name, time and checksum. */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number[] {
  const current = schemaVersionOf(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new GraphKeepError('SCHEMA_TOO_NEW', `this store has schema version ${current}; this GraphKeep reads up to ${latest}`, {
      storeVersion: current,
      appVersion: latest,
    })
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return []
  db.transaction(() => {
    ensureMigrationLedger(db)
    for (const migration of pending) {
      runMigrationSql(db, migration)
      recordMigration(db, migration, Date.now(), checksumOf(migration))
      setSchemaVersion(db, migration.version)
    }
  })()
  return pending.map((m) => m.version)
}
