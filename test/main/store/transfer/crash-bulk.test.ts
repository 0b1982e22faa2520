import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { cliEnv } from '../../cli/run-cli.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'
import { writeSyntheticJsonl } from './synthetic-file.ts'

const dir = useTempDir('graphkeep-import-crash-')
const SECONDARY = ['edges_by_type', 'edges_in', 'edges_out', 'nodes_by_label', 'nodes_by_type_label']
const indexesOf = (file: string) =>
  withRawDb(file, (db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN ('nodes', 'edges') ORDER BY name").pluck().all())

/**
 * Runs the child until it has committed a batch of a bulk import, then kills it with SIGKILL. The child
 * imports in place, as earlier versions did into an empty store (today's import builds a new file and
 * swaps it in, see crash-swap-import.test.ts): what such a crash leaves must still be repaired at open.
 */
function killMidImport(file: string, path: string, onError: 'abort' | 'skip'): Promise<void> {
  const env = { ...cliEnv(), GRAPHKEEP_IMPORT_IN_PLACE: '1' }
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../../fixtures/import/bulk-import-child.ts'), file, path, onError], { env })
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('committed')) child.kill('SIGKILL')
    })
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && !out.includes('finished')) resolve()
      else reject(new Error(`the child was not killed mid-import (code ${code}, signal ${signal}): ${out} ${err}`))
    })
  })
}

it('kill -9 during a bulk import in skip mode: the next open keeps what was committed, restores every index and the full-text content, and says so', async () => {
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, 20_000)
  const file = join(dir(), 'store.db')
  await killMidImport(file, path, 'skip')

  // Killed in bulk mode: the marker is there, the secondary indexes are not, the text index is behind.
  const left = withRawDb(file, (db) => ({
    marker: db.prepare("SELECT count(*) FROM meta WHERE key = 'graphkeep.bulkImportInProgress'").pluck().get(),
    nodes: db.prepare('SELECT count(*) FROM nodes').pluck().get() as number,
  }))
  expect(left.marker).toBe(1)
  expect(left.nodes).toBeGreaterThan(0)
  expect(indexesOf(file)).toEqual([])

  const store = openStore({ file })
  try {
    expect(store.health.check({ full: true }).integrity.ok).toBe(true)
    expect(store.search.query({ text: 'label0', limit: 5 }).items.map((hit) => hit.node.key)).toContain('n0')
    expect(store.store.stats().interruptedImport).toMatchObject({ onError: 'skip', removed: false, nodes: left.nodes })
  } finally {
    store.close()
  }
  expect(indexesOf(file)).toEqual(SECONDARY)
  withRawDb(file, (db) => {
    expect(db.prepare("SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH 'common'").pluck().get()).toBe(left.nodes)
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'graphkeep.bulkImportInProgress'").pluck().get()).toBe(0)
  })
})

it('a restored copy of a store caught mid bulk import gets its indexes and full-text content back at the reopen', async () => {
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, 20_000)
  const caught = join(dir(), 'caught.db')
  await killMidImport(caught, path, 'skip')
  expect(indexesOf(caught)).toEqual([])
  // Sealed like a backup (rollback journal), so that it can be restored as a file.
  withRawDb(caught, (db) => db.pragma('journal_mode = DELETE'))

  const file = join(dir(), 'live.db')
  const store = openStore({ file })
  try {
    expect((await store.backup.restore({ file: caught })).restoredFrom).toBe(caught)
    expect(store.search.query({ text: 'label0', limit: 5 }).items.map((hit) => hit.node.key)).toContain('n0')
  } finally {
    store.close()
  }
  expect(indexesOf(file)).toEqual(SECONDARY)
})

it('D6: kill -9 during a bulk import in abort mode: the next open removes the partial import, and says what happened', async () => {
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, 20_000)
  const file = join(dir(), 'store.db')
  await killMidImport(file, path, 'abort')
  const left = withRawDb(file, (db) => db.prepare('SELECT count(*) FROM nodes').pluck().get() as number)
  expect(left).toBeGreaterThan(0)

  let store = openStore({ file })
  try {
    // Abort mode promises that nothing is written: the rows committed before the crash are gone.
    expect(store.store.stats()).toMatchObject({ nodeCount: 0, edgeCount: 0 })
    expect(store.store.stats().interruptedImport).toMatchObject({ onError: 'abort', removed: true, nodes: left })
    expect(store.health.check({ full: true }).integrity.ok).toBe(true)
  } finally {
    store.close()
  }
  expect(indexesOf(file)).toEqual(SECONDARY)
  // The notice stays until the next import starts.
  store = openStore({ file })
  try {
    expect(store.store.stats().interruptedImport).toMatchObject({ removed: true })
    await store.import.run({ source: { path }, options: { onError: 'abort', onDuplicate: 'fail' } })
    expect(store.store.stats().interruptedImport).toBeNull()
    expect(store.store.stats().nodeCount).toBe(20_000)
  } finally {
    store.close()
  }
})
