import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export function sqliteVersion(db: Db): string {
  return statement<[], string>(db, 'SELECT sqlite_version()').pluck().get() ?? ''
}

export function countTables(db: Db): number {
  return statement<[], number>(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() ?? 0
}

export interface SchemaObject {
  type: string
  name: string
  tableName: string
  sql: string | null
}

/** Every table, index, view and trigger of a database, SQLite's own internal tables left out. */
export function schemaObjects(db: Db): SchemaObject[] {
  return statement<[], SchemaObject>(db, `SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema
    WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`).all()
}
