import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export function sqliteVersion(db: Db): string {
  return statement<[], string>(db, 'SELECT sqlite_version()').pluck().get() ?? ''
}

export function countTables(db: Db): number {
  return statement<[], number>(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() ?? 0
}
