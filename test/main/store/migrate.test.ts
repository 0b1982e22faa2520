import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/store/migrate.ts'
import type { Migration } from '../../../src/main/store/migrations/index.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempDir } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-migrate-')
const m1: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE one (id INTEGER PRIMARY KEY);' }
const m2: Migration = { version: 2, name: 'second', sql: 'CREATE TABLE two (id INTEGER PRIMARY KEY); INSERT INTO one DEFAULT VALUES;' }
// The first statement succeeds on its own; the second is invalid, so only a transaction can undo the first.
const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); CREATE TABLE (;' }
const brokenAs2: Migration = { ...broken, version: 2 }

let db: Database.Database
beforeEach(() => {
  db = new Database(join(dir(), 'runner.db'))
})
afterEach(() => db.close())

const version = () => db.pragma('user_version', { simple: true }) as number
const tables = () => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
const recorded = () => db.prepare('SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version').all()

describe('migrate (the runner)', () => {
  it('applies pending migrations in order and records each with name, time and sha256 of its SQL', () => {
    expect(migrate(db, [m1, m2])).toEqual([1, 2])
    expect(version()).toBe(2)
    expect(db.prepare('SELECT count(*) FROM one').pluck().get()).toBe(1)
    expect(recorded()).toEqual([
      { version: 1, name: 'first', applied_at: expect.any(Number), checksum: createHash('sha256').update(m1.sql).digest('hex') },
      { version: 2, name: 'second', applied_at: expect.any(Number), checksum: createHash('sha256').update(m2.sql).digest('hex') },
    ])
  })

  it('applies only the migrations above the current version', () => {
    migrate(db, [m1])
    expect(migrate(db, [m1, m2])).toEqual([2])
    expect(recorded()).toHaveLength(2)
  })

  it('runs nothing on an up-to-date database', () => {
    migrate(db, [m1, m2])
    const before = recorded()
    const changes = db.prepare('SELECT total_changes()').pluck().get()
    expect(migrate(db, [m1, m2])).toEqual([])
    expect(recorded()).toEqual(before)
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changes)
  })

  it('leaves an empty database untouched when a later migration fails halfway', () => {
    expect(() => migrate(db, [m1, brokenAs2])).toThrow()
    expect(version()).toBe(0)
    expect(tables()).toEqual([])
    expect(db.inTransaction).toBe(false)
  })

  it('rolls back every pending migration together: a failure in 3 undoes 2 as well', () => {
    migrate(db, [m1])
    expect(() => migrate(db, [m1, m2, broken])).toThrow()
    expect(version()).toBe(1)
    expect(tables()).toEqual(['one', 'schema_migrations'])
    expect(recorded()).toEqual([expect.objectContaining({ version: 1 })])
    expect(db.prepare('SELECT count(*) FROM one').pluck().get()).toBe(0)
  })

  it('refuses a database newer than its migrations with SCHEMA_TOO_NEW', () => {
    migrate(db, [m1, m2])
    const error = thrownBy(() => migrate(db, [m1]), 'SCHEMA_TOO_NEW')
    expect(error.details).toEqual({ storeVersion: 2, appVersion: 1 })
    expect(version()).toBe(2)
  })
})
