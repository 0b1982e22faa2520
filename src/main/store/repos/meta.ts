import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export function getMetaValue(db: Db, key: string): string | undefined {
  return statement<[string], string>(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key)
}

export function putMetaValue(db: Db, key: string, json: string): void {
  statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json)
}

export function deleteMetaValue(db: Db, key: string): void {
  statement(db, 'DELETE FROM meta WHERE key = ?').run(key)
}
