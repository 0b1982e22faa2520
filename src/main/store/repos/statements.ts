import type { Statement } from 'better-sqlite3'
import type { Db } from '../db.ts'

const caches = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement for this SQL text, prepared once per connection and reused. */
export function statement<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let prepared = cache.get(sql)
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)))
  return prepared as unknown as Statement<P, R>
}
