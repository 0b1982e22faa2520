import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { rejectionOf } from '../../../helpers/errors.ts'
import { openRefusalFixture, type RefusalFixture } from '../../../helpers/restore-refusal.ts'

// D2 and D3: what a restore verifies is what it installs, and only GraphKeep's own schema is installed.
let dir: string
let f: RefusalFixture
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'graphkeep-restore-shape-'))
  f = await openRefusalFixture(dir)
})
afterAll(async () => {
  await f?.host.close()
  rmSync(dir, { recursive: true, force: true })
})

it('D2: a candidate with a write-ahead log beside it is refused (preview and restore), and the store stays as it was', async () => {
  const source = join(f.candidates, 'source.db')
  copyFileSync(f.backup.file, source)
  const hot = join(f.candidates, 'hot.db')
  const db = new Database(source)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('DELETE FROM edges')
    // A copy taken while a connection has changes only in its log: the main file still has every edge.
    copyFileSync(source, hot)
    copyFileSync(`${source}-wal`, `${hot}-wal`)
  } finally {
    db.close()
  }
  const refusal = await rejectionOf(f.host.store.backup.preview({ file: hot }), 'VALIDATION')
  expect(refusal.message).toContain('-wal')
  await f.expectRefused({ file: hot }, 'VALIDATION')
  await f.expectUnchanged()
})

it('D3: a candidate whose own table was altered is refused', async () => {
  const altered = join(f.candidates, 'altered.db')
  copyFileSync(f.backup.file, altered)
  const db = new Database(altered)
  try {
    db.exec('CREATE TABLE extra (x)')
  } finally {
    db.close()
  }
  await f.expectRefused({ file: altered }, 'INTEGRITY_FAILED')
})

it('D3: a candidate carrying a trigger GraphKeep did not make is refused, and the store stays as it was', async () => {
  const foreign = join(f.candidates, 'trigger.db')
  copyFileSync(f.backup.file, foreign)
  const db = new Database(foreign)
  try {
    db.exec("CREATE TRIGGER sneaky AFTER INSERT ON meta BEGIN SELECT load_extension('/tmp/x'); END")
  } finally {
    db.close()
  }
  const refusal = await rejectionOf(f.host.store.backup.preview({ file: foreign }), 'INTEGRITY_FAILED')
  expect(refusal.message).toContain('sneaky')
  await f.expectRefused({ file: foreign }, 'INTEGRITY_FAILED')
  await f.expectUnchanged()
  // The store still takes writes afterwards.
  await f.host.store.meta.set({ key: 'after', value: 1 })
})
