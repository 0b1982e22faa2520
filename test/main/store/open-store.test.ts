import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/db.ts'
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, openStore } from '../../../src/main/store/index.ts'
import { migrate } from '../../../src/main/store/migrate.ts'
import type { ErrorCode } from '../../../src/shared/errors.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { filesIn, sha256File, useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-open-')

/** Opening `file` must fail with `code` and leave the file byte-identical. */
function expectRefusedUntouched(file: string, code: ErrorCode) {
  const hash = sha256File(file)
  const error = thrownBy(() => openStore({ file }), code)
  expect(sha256File(file)).toBe(hash)
  return error
}

/** A real store whose user_version was then raised past what this build knows; no -wal left. */
function makeTooNewStore(): string {
  const file = join(dir(), 'future.db')
  const store = openStore({ file })
  store.nodes.create({ key: 'kept', type: 't' })
  store.close()
  withRawDb(file, (db) => {
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.pragma('wal_checkpoint(TRUNCATE)')
  })
  return file
}

/** Another program's SQLite file (application_id 1234) with one table and row. */
function makeForeignDb(journalMode: 'delete' | 'wal'): string {
  const file = join(dir(), 'other.db')
  const db = new Database(file)
  db.pragma(`journal_mode = ${journalMode}`)
  db.pragma('application_id = 1234')
  db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)')
  db.close()
  return file
}

describe('openStore on existing files', () => {
  it('re-opening an up-to-date store runs no migration again', () => {
    const file = join(dir(), 'graph.db')
    openStore({ file }).close()
    const before = withRawDb(file, (db) => db.prepare('SELECT * FROM schema_migrations').all())
    const reopened = openDatabase(file)
    try {
      expect(reopened.prepare('SELECT * FROM schema_migrations').all()).toEqual(before)
      expect(migrate(reopened)).toEqual([])
    } finally {
      reopened.close()
    }
  })

  it('refuses a store with a newer schema with SCHEMA_TOO_NEW and leaves the file byte-identical', () => {
    const file = makeTooNewStore()
    expect(filesIn(dir())).toEqual(['future.db'])
    const error = expectRefusedUntouched(file, 'SCHEMA_TOO_NEW')
    expect(error.details).toEqual({ storeVersion: LATEST_SCHEMA_VERSION + 1, appVersion: LATEST_SCHEMA_VERSION })
    withRawDb(file, (db) => expect(db.prepare('SELECT key FROM nodes').pluck().all()).toEqual(['kept']))
  })

  // The read-only inspection connection creates -wal and -shm beside a WAL-mode file; they must go.
  it('refusing a newer store leaves no -wal or -shm behind', () => {
    const file = makeTooNewStore()
    thrownBy(() => openStore({ file }), 'SCHEMA_TOO_NEW')
    expect(filesIn(dir())).toEqual(['future.db'])
  })

  it('refusing a WAL-mode database of another application leaves no -wal or -shm behind', () => {
    const file = makeForeignDb('wal')
    expect(filesIn(dir())).toEqual(['other.db'])
    expectRefusedUntouched(file, 'FOREIGN_APPLICATION')
    expect(filesIn(dir())).toEqual(['other.db'])
  })

  it('refuses a SQLite database of another application with FOREIGN_APPLICATION, untouched', () => {
    const file = makeForeignDb('delete')
    const error = expectRefusedUntouched(file, 'FOREIGN_APPLICATION')
    expect(error.details).toEqual({ applicationId: 1234 })
    expect(filesIn(dir())).toEqual(['other.db'])
  })

  it('refuses a database with application_id 0 that already has tables, untouched', () => {
    const file = join(dir(), 'plain.db')
    const db = new Database(file)
    db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)')
    db.close()
    expectRefusedUntouched(file, 'FOREIGN_APPLICATION')
    expect(filesIn(dir())).toEqual(['plain.db'])
  })

  it('refuses random bytes with NOT_A_STORE, untouched', () => {
    const file = join(dir(), 'noise.bin')
    writeFileSync(file, seededRandom('open-store noise').bytes(8192))
    expectRefusedUntouched(file, 'NOT_A_STORE')
    expect(filesIn(dir())).toEqual(['noise.bin'])
  })

  it('refuses a text file with NOT_A_STORE, untouched', () => {
    const file = join(dir(), 'notes.txt')
    writeFileSync(file, 'a shopping list, not a graph\n'.repeat(200))
    expectRefusedUntouched(file, 'NOT_A_STORE')
    expect(filesIn(dir())).toEqual(['notes.txt'])
  })

  it('turns an empty (0-byte) file into a store', () => {
    const file = join(dir(), 'empty.db')
    writeFileSync(file, '')
    const store = openStore({ file })
    store.nodes.create({ key: 'first', type: 't' })
    expect(store.store.stats()).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, nodeCount: 1 })
    store.close()
    withRawDb(file, (db) => expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID))
  })

  it('creates a missing file, and reopens it with its data', () => {
    const file = join(dir(), 'new.db')
    expect(existsSync(file)).toBe(false)
    const store = openStore({ file })
    store.nodes.create({ key: 'n', type: 't', label: 'Zoë' })
    store.close()
    const again = openStore({ file })
    try {
      expect(again.nodes.get({ key: 'n' }).label).toBe('Zoë')
    } finally {
      again.close()
    }
  })
})
