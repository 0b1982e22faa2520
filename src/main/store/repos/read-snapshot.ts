import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** Opens a read transaction; its snapshot is taken by the first statement that reads. */
export function beginRead(db: Db): void {
  statement(db, 'BEGIN').run()
}

/** Ends the read transaction, if SQLite has not already ended it (an error can roll it back). */
export function endRead(db: Db): void {
  if (db.inTransaction) statement(db, 'COMMIT').run()
}
