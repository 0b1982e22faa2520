import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { GraphKeepError } from '../../shared/errors.ts'
import { migrations as allMigrations, type Migration } from './migrations/index.ts'

export const checksumOf = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex')

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies every pending migration in one transaction, recording each with its name, time and checksum. */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number[] {
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
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL, checksum TEXT NOT NULL)`)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)')
    for (const migration of pending) {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, Date.now(), checksumOf(migration))
      db.pragma(`user_version = ${migration.version}`)
    }
  })()
  return pending.map((m) => m.version)
}
