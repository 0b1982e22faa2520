import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupId, type BackupInfo } from '../../../src/shared/backup.ts'
import { contract, methods, type Input, type Method, type Output } from '../../../src/shared/contract.ts'
import { createDispatch } from '../../../src/main/api/dispatch.ts'
import { createHandlers } from '../../../src/main/api/handlers.ts'
import { createInspector } from '../../../src/main/inspect/open-as-store.ts'
import { makeRendererDir } from '../server/helpers.ts'
import { UNKNOWN_BACKUP_ID } from './examples.ts'
import { fingerprint, openApiFixture, seed, SEEDED_META_KEYS, type ApiFixture } from './store-fixture.ts'

// The backup and health calls in the order a user makes them, on one real store in its real worker.
// Each test builds on the one before; every output must pass the contract's output schema.

let api: ApiFixture
let otherFolder: string
const called = new Set<Method>()

beforeAll(async () => {
  api = await openApiFixture()
  await seed(api.dispatch)
  otherFolder = await mkdtemp(join(tmpdir(), 'graphkeep-api-backups-'))
})
afterAll(async () => {
  await api.close()
  await rm(otherFolder, { recursive: true, force: true })
})

async function call<M extends Method>(method: M, input: Input<M>, dispatch = api.dispatch): Promise<Output<M>> {
  const result = await dispatch(method, input)
  if (!result.ok) expect.fail(`${method} failed: ${result.error.code} ${result.error.message}`)
  expect(contract[method].output.safeParse(result.data).error?.issues ?? []).toEqual([])
  called.add(method)
  return result.data as Output<M>
}

const expectError = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/\S/) } })
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
/** The graph and metadata only: the backups list grows with every restore. */
const dataOf = async () => {
  const { nodes, edges, meta } = await fingerprint(api.dispatch, SEEDED_META_KEYS)
  return { nodes, edges, meta }
}

describe('backups through dispatch, in order', () => {
  let first: BackupInfo
  let safety: BackupInfo
  let atBackup: Awaited<ReturnType<typeof dataOf>>

  it('backup.undoRestore with nothing to undo → NOT_FOUND', async () => {
    expect(await api.dispatch('backup.undoRestore', {})).toMatchObject(expectError('NOT_FOUND'))
  })

  it('backup.create writes a manual backup of the whole store, with a manifest that matches it', async () => {
    atBackup = await dataOf()
    first = await call('backup.create', {})
    expect(first).toMatchObject({ reason: 'manual', nodeCount: 4, edgeCount: 4, verification: { state: 'unverified' } })
    expect(backupId.safeParse(first.id).success).toBe(true)
    expect(first.id).toMatch(/-manual\.db$/)
    expect(first.file).toBe(join(api.dir, 'backups', first.id))
    expect(first.bytes).toBe(statSync(first.file).size)
    expect(first.sha256).toBe(sha256Of(first.file))
  })

  it('backup.list shows it, newest first, and when it was made', async () => {
    const list = await call('backup.list', {})
    expect(list.folder).toBe(join(api.dir, 'backups'))
    expect(list.backups.map((backup) => backup.id)).toEqual([first.id])
    expect(list.lastBackupAt).toBe(first.createdAt)
  })

  it('backup.verify finds it sound, and the list remembers that', async () => {
    const result = await call('backup.verify', { id: first.id })
    expect(result).toMatchObject({ ok: true, code: null })
    expect(result.checks.map((check) => check.name)).toEqual(expect.arrayContaining(['header', 'checksum', 'integrity', 'foreign keys']))
    expect(result.checks.every((check) => check.ok)).toBe(true)
    const list = await call('backup.list', {})
    expect(list.backups[0]?.verification).toMatchObject({ state: 'ok', code: null })
  })

  it('backup.openAsStore answers the page link of the backup opened read-only on a server of its own', async () => {
    const { rendererDir, dir } = await makeRendererDir()
    const inspector = createInspector(rendererDir)
    const dispatch = createDispatch(createHandlers(api.host, { openAsStore: inspector.openAsStore }))
    try {
      const result = await dispatch('backup.openAsStore', { id: first.id })
      if (!result.ok) expect.fail(`backup.openAsStore failed: ${result.error.code} ${result.error.message}`)
      expect(contract['backup.openAsStore'].output.safeParse(result.data).success).toBe(true)
      expect(result.data).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/#token=/) })
      called.add('backup.openAsStore')
      expect(await api.dispatch('backup.openAsStore', { id: first.id })).toMatchObject(expectError('VALIDATION'))
    } finally {
      await inspector.closeAll()
      await rm(dir, { recursive: true, force: true })
    }
    expect(sha256Of(first.file)).toBe(first.sha256)
  })

  it('backup.preview compares the backup with the store as it is now, by id or by file', async () => {
    await call('nodes.create', { key: 'after-backup', type: 'note', label: 'written after the backup' })
    const byFile = await call('backup.preview', { file: first.file })
    expect(byFile).toMatchObject({ source: first.file, backup: { nodeCount: 4, edgeCount: 4, createdAt: first.createdAt }, current: { nodeCount: 5, edgeCount: 4 } })
    const byId = await call('backup.preview', { id: first.id })
    expect(byId).toMatchObject({ source: first.id, backup: byFile.backup, current: byFile.current })
  })

  it('backup.restore brings back the store as it was at the backup, after a safety backup of the present', async () => {
    const result = await call('backup.restore', { id: first.id })
    safety = result.safetyBackup
    expect(result.restoredFrom).toBe(first.id)
    expect(safety).toMatchObject({ reason: 'pre-restore', nodeCount: 5 })
    expect(await dataOf()).toEqual(atBackup)
    expect(await api.dispatch('nodes.get', { key: 'after-backup' })).toMatchObject(expectError('NOT_FOUND'))
  })

  it('backup.undoRestore puts back the store as it was before the restore, once', async () => {
    const result = await call('backup.undoRestore', {})
    expect(result.restoredFrom).toBe(safety.id)
    expect(await api.dispatch('nodes.get', { key: 'after-backup' })).toMatchObject({ ok: true, data: { label: 'written after the backup' } })
    expect(await api.dispatch('backup.undoRestore', {})).toMatchObject(expectError('NOT_FOUND'))
  })

  it('backup.getSettings and backup.setSettings: a new folder takes the next backups', async () => {
    const defaults = await call('backup.getSettings', {})
    expect(defaults.folder).toBe(join(api.dir, 'backups'))
    const changed = await call('backup.setSettings', { folder: otherFolder, keepNewest: 3 })
    expect(changed).toEqual({ ...defaults, folder: otherFolder, keepNewest: 3 })
    expect(await call('backup.getSettings', {})).toEqual(changed)
    expect(await call('backup.list', {})).toMatchObject({ folder: otherFolder, backups: [], lastBackupAt: null })
    const next = await call('backup.create', {})
    expect(dirname(next.file)).toBe(otherFolder)
    expect((await call('backup.list', {})).backups.map((backup) => backup.id)).toEqual([next.id])
  })

  it('backup.delete removes a backup and its manifest; deleting it again deletes nothing', async () => {
    const [listed] = (await call('backup.list', {})).backups
    if (!listed) expect.fail('the new folder lists no backup')
    expect(await call('backup.delete', { id: listed.id })).toEqual({ deleted: true })
    expect(existsSync(listed.file)).toBe(false)
    expect(existsSync(`${listed.file}.manifest.json`)).toBe(false)
    expect((await call('backup.list', {})).backups).toEqual([])
    expect(await call('backup.delete', { id: listed.id })).toEqual({ deleted: false })
  })
})

describe('backup errors cross the boundary as data, and change nothing', () => {
  it('backup.verify of an unknown id → NOT_FOUND', async () => {
    expect(await api.dispatch('backup.verify', { id: UNKNOWN_BACKUP_ID })).toMatchObject(expectError('NOT_FOUND'))
  })

  it('backup.restore and backup.preview of a file that does not exist → NOT_FOUND', async () => {
    const before = await dataOf()
    expect(await api.dispatch('backup.restore', { file: '/nonexistent' })).toMatchObject(expectError('NOT_FOUND'))
    expect(await api.dispatch('backup.preview', { file: '/nonexistent' })).toMatchObject(expectError('NOT_FOUND'))
    expect(await api.dispatch('backup.restore', { id: UNKNOWN_BACKUP_ID })).toMatchObject(expectError('NOT_FOUND'))
    expect(await dataOf()).toEqual(before)
  })

  it('backup.restore of a file that is not a store → NOT_A_STORE, and no safety backup is made', async () => {
    const before = await fingerprint(api.dispatch, SEEDED_META_KEYS)
    const text = join(otherFolder, 'notes.txt')
    writeFileSync(text, 'not a database, just some notes\n'.repeat(100))
    expect(await api.dispatch('backup.restore', { file: text })).toMatchObject(expectError('NOT_A_STORE'))
    expect(await fingerprint(api.dispatch, SEEDED_META_KEYS)).toEqual(before)
  })
})

describe('health through dispatch', () => {
  it('health.check, quick by default, finds the store sound and the backup recent', async () => {
    const report = await call('health.check', {})
    expect(report).toMatchObject({ integrity: { mode: 'quick', ok: true, problems: [] }, foreignKeyViolations: 0, danglingEdges: 0 })
    expect(report.isolatedNodes).toBe(1)
    expect(report.fileBytes).toBeGreaterThan(0)
    expect(report.lastBackupAt).toBeNull()
    expect(report.backupOverdue).toBe(true)
  })

  it('health.check { full: true } runs the full integrity check', async () => {
    await call('backup.create', {})
    const report = await call('health.check', { full: true })
    expect(report.integrity).toEqual({ mode: 'full', ok: true, problems: [] })
    expect(report.lastBackupAt).toEqual(expect.any(Number))
    expect(report.backupOverdue).toBe(false)
  })

  it('health.vacuum gives the free pages back, and the data stays', async () => {
    // Every change lives on in the audit trail (metadata too, so that it can be undone). What leaves pages
    // free is an in-place import into an empty store (as earlier versions made them; today's builds a new
    // file and swaps it in) that fails in abort mode: it is emptied again without a trace.
    process.env.GRAPHKEEP_IMPORT_IN_PLACE = '1'
    const fresh = await openApiFixture().finally(() => delete process.env.GRAPHKEEP_IMPORT_IN_PLACE)
    try {
      const file = join(fresh.dir, 'bulky.jsonl')
      const rows = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ kind: 'node', key: `k${i}`, type: 't', label: `${i} ${'x'.repeat(1000)}` }))
      writeFileSync(file, `${rows.join('\n')}\n{"kind":"node"}\n`)
      const imported = await call('import.run', { source: { path: file }, options: { onError: 'abort', onDuplicate: 'fail' } }, fresh.dispatch)
      expect(imported.nodes.inserted).toBe(0)
      const before = await fingerprint(fresh.dispatch, [])
      expect((await call('health.check', {}, fresh.dispatch)).freelistCount).toBeGreaterThan(200)
      const result = await call('health.vacuum', {}, fresh.dispatch)
      expect(result.bytesAfter).toBeLessThan(result.bytesBefore - 1_000_000)
      expect(result.seconds).toBeGreaterThanOrEqual(0)
      const after = await call('health.check', {}, fresh.dispatch)
      expect(after).toMatchObject({ freelistCount: 0, walBytes: 0, integrity: { ok: true } })
      expect(await fingerprint(fresh.dispatch, [])).toEqual(before)
    } finally {
      await fresh.close()
    }
  })

  it('health.optimize runs and leaves the data as it was', async () => {
    const before = await dataOf()
    const result = await call('health.optimize', {})
    expect(result.seconds).toBeGreaterThanOrEqual(0)
    expect(await dataOf()).toEqual(before)
  })
})

it('called every backup and health method validly', () => {
  const ours = methods.filter((method) => /^(backup|health)\./.test(method))
  expect(ours.filter((method) => !called.has(method))).toEqual([])
})
