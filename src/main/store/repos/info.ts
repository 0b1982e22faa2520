import type { Db } from '../db.ts'
import { statement } from '../statements.ts'

export function sqliteVersion(db: Db): string {
  return statement<[], string>(db, 'SELECT sqlite_version()').pluck().get() ?? ''
}
