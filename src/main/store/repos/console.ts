import Database from 'better-sqlite3'
import type { ConsoleColumn, ConsolePlan, ConsoleResult, ConsoleSchema, ConsoleValue, SchemaTable } from '../../../shared/sql-console.ts'
import type { Db } from '../db.ts'

// The SQL console's statements: the user's own, on a read-only connection of the console's process.

const MAX_TEXT = 10_000
const BLOB_PREVIEW_BYTES = 32
/** SQLite's allocations in the console's process stop here: a giant blob fails instead of exhausting memory. */
const HEAP_LIMIT_BYTES = 512 * 1024 * 1024

/** Why a prepared statement may not run, or null. */
export type StatementCheck = (stmt: Database.Statement) => string | null

export function openConsoleConnection(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  db.pragma('query_only = ON')
  // Functions inside the schema (views, triggers) run with no side effects.
  db.pragma('trusted_schema = OFF')
  db.pragma(`hard_heap_limit = ${HEAP_LIMIT_BYTES}`)
  // Integers come as BigInt, so integers and reals can be told apart.
  db.defaultSafeIntegers(true)
  return db
}

type StorageClass = Exclude<ConsoleColumn['valueType'], 'mixed'>

function storageClassOf(value: unknown): StorageClass {
  if (value === null) return 'null'
  if (typeof value === 'bigint') return 'integer'
  if (typeof value === 'number') return 'real'
  if (typeof value === 'string') return 'text'
  return 'blob'
}

function toConsoleValue(value: unknown): ConsoleValue {
  if (value === null || typeof value === 'number') return value as ConsoleValue
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value
  const bytes = value as Buffer
  return { blobHex: bytes.subarray(0, BLOB_PREVIEW_BYTES).toString('hex'), bytes: bytes.length }
}

/** Runs one statement, keeping at most `rowCap` rows; `check` may refuse it once SQLite has prepared it. */
export function runConsoleStatement(db: Db, sql: string, rowCap: number, check: StatementCheck): ConsoleResult {
  const started = performance.now()
  const stmt = db.prepare(sql)
  const refusal = check(stmt)
  if (refusal) throw new ConsoleRefusal(refusal)
  const columns = stmt.columns()
  const classes: (ConsoleColumn['valueType'] | undefined)[] = columns.map(() => undefined)
  const rows: ConsoleValue[][] = []
  let truncated = false
  for (const row of stmt.raw(true).iterate() as IterableIterator<unknown[]>) {
    if (rows.length === rowCap) {
      truncated = true
      break
    }
    rows.push(
      row.map((value, i) => {
        const kind = storageClassOf(value)
        const seen = classes[i]
        if (kind !== 'null') classes[i] = seen === undefined || seen === kind ? kind : 'mixed'
        return toConsoleValue(value)
      }),
    )
  }
  return {
    columns: columns.map((column, i) => ({ name: column.name, declaredType: column.type, valueType: classes[i] ?? 'null' })),
    rows,
    truncated,
    durationMs: performance.now() - started,
  }
}

/** Thrown when a check refuses a prepared statement. */
export class ConsoleRefusal extends Error {}

/** EXPLAIN QUERY PLAN of the statement (which has passed the same checks as a run). */
export function explainConsoleStatement(db: Db, sql: string, check: StatementCheck): ConsolePlan {
  const refusal = check(db.prepare(sql))
  if (refusal) throw new ConsoleRefusal(refusal)
  const plain = /^\s*EXPLAIN\s+QUERY\s+PLAN\s/i.test(sql) ? sql : `EXPLAIN QUERY PLAN ${sql}`
  const rows = db.prepare(plain).safeIntegers(false).all() as { id: number; parent: number; detail: string }[]
  return { steps: rows.map(({ id, parent, detail }) => ({ id, parent, detail })) }
}

export function readConsoleSchema(db: Db): ConsoleSchema {
  const objects = db
    .prepare("SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .safeIntegers(false)
    .all() as { name: string; type: 'table' | 'view'; sql: string | null }[]
  const columnsOf = db.prepare('SELECT name, type, "notnull" AS not_null, pk FROM pragma_table_xinfo(?) WHERE hidden <> 1').safeIntegers(false)
  const indexesOf = db.prepare('SELECT name, "unique" AS is_unique FROM pragma_index_list(?) ORDER BY name').safeIntegers(false)
  const indexColumns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').safeIntegers(false).pluck()
  const tables: SchemaTable[] = objects.map(({ name, type, sql }) => {
    const columns = columnsOf.all(name) as { name: string; type: string; not_null: number; pk: number }[]
    const indexes = indexesOf.all(name) as { name: string; is_unique: number }[]
    return {
      name,
      kind: type === 'view' ? 'view' : /^\s*CREATE\s+VIRTUAL\s/i.test(sql ?? '') ? 'virtual' : 'table',
      columns: columns.map((c) => ({ name: c.name, type: c.type, notNull: c.not_null === 1, primaryKey: c.pk > 0 })),
      sampleQuery: `SELECT * FROM "${name.replaceAll('"', '""')}" LIMIT 100`,
      indexes: indexes.map((index) => ({
        name: index.name,
        unique: index.is_unique === 1,
        columns: (indexColumns.all(index.name) as (string | null)[]).map((column) => column ?? '(expression)'),
      })),
    }
  })
  return { tables }
}
