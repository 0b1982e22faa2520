import type { Db } from '../db.ts'
import type { Migration } from './index.ts'

// The schema_migrations table: which migrations a store has had, when, and with which checksum.

export function ensureMigrationLedger(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL, checksum TEXT NOT NULL)`)
}

export function runMigrationSql(db: Db, migration: Migration): void {
  db.exec(migration.sql)
}

export function recordMigration(db: Db, migration: Migration, appliedAt: number, checksum: string): void {
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)')
    .run(migration.version, migration.name, appliedAt, checksum)
}
