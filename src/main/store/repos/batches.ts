import type { Db } from '../db.ts'
import { statement } from './statements.ts'

/** Opens the audit batch that the audit triggers file this transaction's rows under. */
export function beginBatch(db: Db, operation: string, now: number): number {
  return Number(statement(db, 'INSERT INTO batches (at, operation) VALUES (?, ?)').run(now, operation).lastInsertRowid)
}
