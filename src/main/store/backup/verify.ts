import { existsSync, statSync } from 'node:fs'
import type { BackupManifest, VerifyResult } from '../../../shared/backup.ts'
import type { ErrorCode } from '../../../shared/errors.ts'
import { APPLICATION_ID } from '../application-id.ts'
import { openSqliteFile, type Db } from '../db.ts'
import { LATEST_SCHEMA_VERSION } from '../migrations/index.ts'
import { countEdges } from '../repos/edges.ts'
import { countNodes } from '../repos/nodes.ts'
import { SECONDARY_INDEX_NAMES } from '../repos/bulk-indexes.ts'
import { V1_EMBEDDINGS_TABLE } from '../vectors/convert-v1.ts'
import { applicationIdOf, countForeignKeyViolations, integrityMessages, schemaVersionOf } from '../repos/pragmas.ts'
import { missingSidecars, removeEmptySidecars } from '../sidecars.ts'
import { checkSqliteShape } from '../sqlite-header.ts'
import { sha256OfFile } from './files.ts'
import { summariseIntegrity } from './integrity-summary.ts'
import { schemaDifferences } from './schema-check.ts'

type Check = VerifyResult['checks'][number]

class Failed extends Error {
  readonly code: ErrorCode
  /** The full account behind a short message (SQLite's own lines), kept in the failed check. */
  readonly detail: string | undefined
  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message)
    this.code = code
    this.detail = detail
  }
}

/** The store facts a verified file reports, for the restore preview. */
export interface VerifiedFacts {
  schemaVersion: number
  nodeCount: number
  edgeCount: number
}

function inspectDatabase(file: string, pass: (check: Check) => void): VerifiedFacts {
  const sidecars = missingSidecars(file)
  let db: Db | undefined
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true, timeout: 0 })
    const applicationId = applicationIdOf(db)
    if (applicationId !== APPLICATION_ID) throw new Failed('FOREIGN_APPLICATION', 'the file is a SQLite database of another application')
    pass({ name: 'application', ok: true, detail: 'a GraphKeep store' })
    const schemaVersion = schemaVersionOf(db)
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new Failed('SCHEMA_TOO_NEW', `schema ${schemaVersion} is newer than this GraphKeep reads (${LATEST_SCHEMA_VERSION})`)
    }
    // Secondary indexes are rebuilt after a bulk import, and the old embeddings table is gone after the first open.
    const differences = schemaDifferences(db, schemaVersion, [...SECONDARY_INDEX_NAMES, V1_EMBEDDINGS_TABLE])
    if (differences.length > 0) {
      throw new Failed('INTEGRITY_FAILED', `the file's schema is not GraphKeep's own: ${differences.slice(0, 5).join('; ')}${differences.length > 5 ? ` and ${differences.length - 5} more` : ''}`)
    }
    pass({ name: 'schema', ok: true, detail: `schema version ${schemaVersion}, GraphKeep's own tables, indexes and triggers` })
    const integrity = integrityMessages(db, true)
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new Failed('INTEGRITY_FAILED', summariseIntegrity(integrity), integrity.join('\n'))
    }
    pass({ name: 'integrity', ok: true, detail: 'integrity_check ok' })
    const violations = countForeignKeyViolations(db)
    if (violations > 0) throw new Failed('INTEGRITY_FAILED', `${violations} foreign key violations`)
    pass({ name: 'foreign keys', ok: true, detail: 'foreign_key_check ok' })
    return { schemaVersion, nodeCount: countNodes(db), edgeCount: countEdges(db) }
  } catch (error) {
    if (error instanceof Failed) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB') throw new Failed('NOT_A_STORE', 'the file is not a SQLite database')
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_ERROR') throw new Failed('INTEGRITY_FAILED', `the database is damaged: ${(error as Error).message}`)
    throw new Failed('INTEGRITY_FAILED', `the database cannot be read: ${(error as Error).message}`)
  } finally {
    db?.close()
    removeEmptySidecars(sidecars)
  }
}

/**
 * Checks a backup or any candidate file, in order: present, SQLite header, checksum against its
 * manifest (when it has one), application id, schema version, integrity_check, foreign_key_check.
 */
export async function verifyFile(file: string, manifest: BackupManifest | null): Promise<VerifyResult & { facts: VerifiedFacts | null }> {
  const checks: Check[] = []
  const pass = (check: Check) => checks.push(check)
  try {
    if (!existsSync(file) || !statSync(file).isFile()) throw new Failed('NOT_FOUND', 'the file does not exist')
    // A restore copies the file alone: changes still in a log beside it would be verified but not installed.
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
      throw new Failed('VALIDATION', `${file}-wal holds changes not yet in the file; open the file once in GraphKeep (or sqlite3) and close it so they are written in, then restore it`)
    }
    const shape = checkSqliteShape(file)
    if (!shape.isSqlite) throw new Failed('NOT_A_STORE', 'the file is not a SQLite database (no SQLite header)')
    pass({ name: 'header', ok: true, detail: 'SQLite format 3' })
    if (manifest) {
      const sha256 = await sha256OfFile(file)
      if (sha256 !== manifest.sha256) throw new Failed('CHECKSUM_MISMATCH', 'the file differs from the checksum in its manifest')
      pass({ name: 'checksum', ok: true, detail: `sha256 ${sha256.slice(0, 12)}… matches the manifest` })
    }
    if (shape.problem) throw new Failed('INTEGRITY_FAILED', shape.problem)
    pass({ name: 'length', ok: true, detail: 'the file holds whole pages, as many as its header says' })
    const facts = inspectDatabase(file, pass)
    return { ok: true, code: null, message: 'the backup is sound', checks, facts }
  } catch (error) {
    const failed = error instanceof Failed ? error : new Failed('INTERNAL', (error as Error).message)
    checks.push({ name: 'failed', ok: false, detail: failed.detail ?? failed.message })
    return { ok: false, code: failed.code, message: failed.message, checks, facts: null }
  }
}
