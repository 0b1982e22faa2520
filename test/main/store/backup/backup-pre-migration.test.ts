import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../../../src/main/store/backup/catalog.ts'
import { createBackupSync } from '../../../../src/main/store/backup/create.ts'
import { readManifest } from '../../../../src/main/store/backup/manifest.ts'
import { readBackupSettings } from '../../../../src/main/store/backup/settings.ts'
import { verifyFile } from '../../../../src/main/store/backup/verify.ts'
import { openDatabase, type Db } from '../../../../src/main/store/db.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { LATEST_SCHEMA_VERSION as CURRENT, migrations, type Migration } from '../../../../src/main/store/migrations/index.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-pre-migration-')
const file = () => join(dir(), 'graph.db')
const folder = () => readBackupSettings(file()).folder
const backupsNow = () => (existsSync(folder()) ? listBackups(folder()).backups : [])

// A next schema version that changes existing data, so that the backup's copy of the old data is visible.
const NEXT = CURRENT + 1
const secondVersion: Migration = {
  version: NEXT,
  name: 'upper-case labels',
  sql: 'CREATE TABLE pinned (node_id INTEGER PRIMARY KEY REFERENCES nodes (id)); UPDATE nodes SET label = upper(label);',
}
const brokenSecondVersion: Migration = { version: NEXT, name: 'broken', sql: 'UPDATE nodes SET label = upper(label); CREATE TABLE (;' }

let open: Db | undefined
afterEach(() => {
  open?.close()
  open = undefined
})

/** Opens the store as the app does (graph-store.ts), with `extra` migrations after the real ones. */
function openWithMigrations(...extra: Migration[]): Db {
  open = openDatabase(file(), {
    migrations: [...migrations, ...extra],
    beforeMigrate: (db) => createBackupSync(db, { folder: readBackupSettings(file()).folder, storeFile: file(), storeName: basename(file()) }, 'pre-migration'),
  })
  return open
}

function makeCurrentStore(): void {
  const store = openStore({ file: file() })
  store.nodes.createMany({ nodes: Array.from({ length: 50 }, (_, i) => ({ key: `n${i}`, type: 't', label: `node ${i}`, properties: { i } })) })
  store.edges.create({ source: 'n1', target: 'n2', type: 'e', weight: 2.5 })
  store.meta.set({ key: 'title', value: 'before the migration' })
  store.close()
}

describe('the backup taken before a migration', () => {
  it('exists, verifies, records the old schema and holds the data as it was before migrating to the next', async () => {
    makeCurrentStore()
    const db = openWithMigrations(secondVersion)
    expect(db.pragma('user_version', { simple: true })).toBe(NEXT)
    expect(db.prepare("SELECT label FROM nodes WHERE key = 'n7'").pluck().get()).toBe('NODE 7')

    const { backups } = listBackups(folder())
    expect(backups).toHaveLength(1)
    const backup = backups[0]!
    expect(backup).toMatchObject({ reason: 'pre-migration', schemaVersion: CURRENT, nodeCount: 50, edgeCount: 1 })
    const verified = await verifyFile(backup.file, readManifest(backup.file))
    expect(verified).toMatchObject({ ok: true, code: null, facts: { schemaVersion: CURRENT, nodeCount: 50, edgeCount: 1 } })

    withRawDb(backup.file, (copy) => {
      expect(copy.pragma('user_version', { simple: true })).toBe(CURRENT)
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(copy.prepare("SELECT label FROM nodes WHERE key = 'n7'").pluck().get()).toBe('node 7')
      expect(copy.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'pinned'").pluck().get()).toBe(0)
      expect(JSON.parse(copy.prepare("SELECT value FROM meta WHERE key = 'title'").pluck().get() as string)).toBe('before the migration')
    })
  })

  it('is still there, and the store still at the old schema, when the migration fails', () => {
    makeCurrentStore()
    expect(() => openWithMigrations(brokenSecondVersion)).toThrow()
    const { backups } = listBackups(folder())
    expect(backups.map((b) => [b.reason, b.schemaVersion])).toEqual([['pre-migration', CURRENT]])
    withRawDb(file(), (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(CURRENT)
      expect(db.prepare("SELECT label FROM nodes WHERE key = 'n7'").pluck().get()).toBe('node 7')
    })
  })

  it('is not taken for a new store, even one created through two migrations at once', () => {
    openStore({ file: file() }).close()
    expect(backupsNow()).toEqual([])
    const other = join(dir(), 'other.db')
    openDatabase(other, { migrations: [...migrations, secondVersion], beforeMigrate: () => expect.fail('nothing to back up in a new file') }).close()
    expect(backupsNow()).toEqual([])
  })

  it('is not taken again when the store is already at the latest version', () => {
    makeCurrentStore()
    openStore({ file: file() }).close()
    openStore({ file: file() }).close()
    expect(backupsNow()).toEqual([])
    // The same through openDatabase with the hook: it runs only when a migration is pending.
    openDatabase(file(), { beforeMigrate: () => expect.fail('nothing to migrate') }).close()
    expect(backupsNow()).toEqual([])
  })
})
