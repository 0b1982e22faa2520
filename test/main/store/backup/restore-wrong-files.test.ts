import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256OfFileSync } from '../../../../src/main/store/backup/files.ts'
import { LATEST_SCHEMA_VERSION, openStore } from '../../../../src/main/store/index.ts'
import {
  editManifest, manifestPathOf, nonSqliteFiles, writeFlipped, writeForeignDatabase, writeNewerSchemaCopy,
} from '../../../helpers/damaged-files.ts'
import { rejectionOf } from '../../../helpers/errors.ts'
import { hashOfLiveStore } from '../../../helpers/live-store-hash.ts'
import { openRefusalFixture, type RefusalFixture } from '../../../helpers/restore-refusal.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'

// Restores of files that are not this store's backups, in the real store worker.
// One store serves the whole file: every test ends by proving that it is still exactly as it was.
let dir: string
let f: RefusalFixture
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'graphkeep-restore-wrong-'))
  f = await openRefusalFixture(dir)
})
afterAll(async () => {
  await f?.host.close()
  rmSync(dir, { recursive: true, force: true })
})

const backupsFolder = () => dirname(f.backup.file)

/** A second listed backup: a copy of the fixture's backup and its manifest under a new id. */
function listedCopy(id: string): string {
  const file = join(backupsFolder(), id)
  copyFileSync(f.backup.file, file)
  copyFileSync(manifestPathOf(f.backup.file), manifestPathOf(file))
  return file
}

function removeListed(file: string): void {
  rmSync(file, { force: true })
  rmSync(manifestPathOf(file), { force: true })
  rmSync(`${file}.verified.json`, { force: true })
}

describe('restore refuses files that are not sound backups of this store, and the live store stays byte-identical', () => {
  it('refuses an empty file with NOT_A_STORE', async () => {
    const candidate = join(f.candidates, 'empty.db')
    writeFileSync(candidate, '')
    await f.expectRefused({ file: candidate }, 'NOT_A_STORE')
    await f.expectUnchanged()
  })

  it('refuses ten files of other formats (random bytes, text, JSON, CSV, PNG, gzip, zip, an almost-SQLite header) with NOT_A_STORE', async () => {
    const random = seededRandom('restore non-SQLite files')
    const files = nonSqliteFiles(random.bytes)
    expect(files).toHaveLength(10)
    for (const { name, bytes } of files) {
      const candidate = join(f.candidates, name)
      writeFileSync(candidate, bytes)
      await f.expectRefused({ file: candidate }, 'NOT_A_STORE')
    }
    await f.expectUnchanged()
  })

  it('refuses a SQLite database of another application (application_id 42, or unset with its own tables) with FOREIGN_APPLICATION', async () => {
    for (const applicationId of [42, 0]) {
      const candidate = join(f.candidates, `invoices-${applicationId}.sqlite`)
      writeForeignDatabase(candidate, applicationId)
      await f.expectRefused({ file: candidate }, 'FOREIGN_APPLICATION')
      const preview = await rejectionOf(f.host.store.backup.preview({ file: candidate }), 'FOREIGN_APPLICATION')
      expect(preview.message).toMatch(/another application/)
    }
    await f.expectUnchanged()
  })

  it('refuses a store written by a newer GraphKeep with SCHEMA_TOO_NEW, as a loose file and as a listed backup with a matching manifest', async () => {
    const loose = join(f.candidates, 'from-the-future.db')
    const version = writeNewerSchemaCopy(f.backup.file, loose)
    expect(version).toBe(LATEST_SCHEMA_VERSION + 1)
    await f.expectRefused({ file: loose }, 'SCHEMA_TOO_NEW')

    // Listed, with a manifest that is right about its bytes: the checksum passes and the schema check refuses it.
    const listed = listedCopy('future-listed.db')
    writeNewerSchemaCopy(f.backup.file, listed)
    editManifest(listed, { sha256: sha256OfFileSync(listed), schemaVersion: version, bytes: readFileSync(listed).length })
    try {
      await f.expectRefused({ id: basename(listed) }, 'SCHEMA_TOO_NEW')
      expect(await f.host.store.backup.verify({ id: basename(listed) })).toMatchObject({ ok: false, code: 'SCHEMA_TOO_NEW' })
    } finally {
      removeListed(listed)
    }
    await f.expectUnchanged()
  })

  it('refuses a listed backup whose bytes changed after its manifest was written with CHECKSUM_MISMATCH, and verify marks it failed', async () => {
    const listed = listedCopy('changed-after-manifest.db')
    const bytes = readFileSync(listed)
    // A byte in the middle of the file: the database may well still pass integrity_check, only the checksum can tell.
    writeFlipped(listed, bytes, Math.floor(bytes.length / 2) + 123, 0x20)
    try {
      await f.expectRefused({ id: basename(listed) }, 'CHECKSUM_MISMATCH')
      await rejectionOf(f.host.store.backup.preview({ id: basename(listed) }), 'CHECKSUM_MISMATCH')
      expect(await f.host.store.backup.verify({ id: basename(listed) })).toMatchObject({ ok: false, code: 'CHECKSUM_MISMATCH' })
      const info = (await f.host.store.backup.list()).backups.find((b) => b.id === basename(listed))
      expect(info?.verification).toMatchObject({ state: 'failed', code: 'CHECKSUM_MISMATCH' })
    } finally {
      removeListed(listed)
    }
    await f.expectUnchanged()
  })

  it('refuses a listed backup whose manifest records a different checksum with CHECKSUM_MISMATCH', async () => {
    const listed = listedCopy('manifest-differs.db')
    editManifest(listed, { sha256: '0'.repeat(64) })
    try {
      await f.expectRefused({ id: basename(listed) }, 'CHECKSUM_MISMATCH')
    } finally {
      removeListed(listed)
    }
    // The untouched original still restores cleanly in principle: it verifies.
    expect(await f.host.store.backup.verify({ id: f.backup.id })).toMatchObject({ ok: true, code: null })
    await f.expectUnchanged()
  })

  it('(the byte-identical check sees a single committed write to an open store, so the checks above can fail)', () => {
    const store = openStore({ file: join(dir, 'sanity.db') })
    try {
      store.nodes.create({ key: 'first', type: 't' })
      const before = hashOfLiveStore(store.file)
      expect(hashOfLiveStore(store.file)).toBe(before)
      store.nodes.create({ key: 'second', type: 't' })
      expect(hashOfLiveStore(store.file)).not.toBe(before)
    } finally {
      store.close()
    }
  })
})
