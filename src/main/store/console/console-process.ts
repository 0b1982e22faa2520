import { GraphKeepError, toErrorData } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { ConsoleRefusal, explainConsoleStatement, openConsoleConnection, readConsoleSchema, runConsoleStatement, type StatementCheck } from '../repos/console.ts'
import { missingSidecars, removeEmptySidecars } from '../sidecars.ts'
import type { ConsoleReply, ConsoleRequest } from './protocol.ts'
import { checkConsoleStatement } from './statement-guard.ts'

// The SQL console's own process. better-sqlite3 cannot interrupt a statement and a worker thread
// cannot be terminated while SQLite runs, so a statement past its time limit ends with this process.

const send = (reply: ConsoleReply) => process.send?.(reply)

/** SQLite's own verdict on the prepared statement: it must only read, and give rows. */
const onlyReads: StatementCheck = (stmt) => {
  if (!stmt.readonly) return 'this statement would change the store; the console only reads'
  if (!stmt.reader) return 'this statement returns no rows; the console runs queries only'
  return null
}

function guarded(sql: string): string {
  const verdict = checkConsoleStatement(sql)
  if (!verdict.ok) throw new GraphKeepError('FORBIDDEN', verdict.reason)
  return sql
}

/** Opens the store for one request and closes it after, leaving no -wal or -shm that was not there. */
function withConnection<T>(file: string, use: (db: Db) => T): T {
  const sidecars = missingSidecars(file)
  let db: Db | undefined
  try {
    db = openConsoleConnection(file)
    return use(db)
  } finally {
    db?.close()
    removeEmptySidecars(sidecars)
  }
}

function answer(request: ConsoleRequest): unknown {
  switch (request.kind) {
    case 'run':
      return withConnection(request.file, (db) => runConsoleStatement(db, guarded(request.sql), request.rowCap, onlyReads))
    case 'plan':
      return withConnection(request.file, (db) => explainConsoleStatement(db, guarded(request.sql), onlyReads))
    case 'schema':
      return withConnection(request.file, readConsoleSchema)
  }
}

function asErrorData(error: unknown) {
  if (error instanceof GraphKeepError) return error.toData()
  if (error instanceof ConsoleRefusal) return { code: 'FORBIDDEN' as const, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  if (/more than one statement/i.test(message)) return { code: 'FORBIDDEN' as const, message: 'one statement at a time: this text holds more than one' }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code: 'SQL_ERROR' as const, message, details: { sqlite: code } }
  return toErrorData(error)
}

process.on('message', (request: ConsoleRequest) => {
  try {
    send({ id: request.id, ok: true, value: answer(request) })
  } catch (error) {
    send({ id: request.id, ok: false, error: asErrorData(error) })
  }
})
// The store's process went away: so does its console.
process.on('disconnect', () => process.exit(0))
send({ ready: true })
