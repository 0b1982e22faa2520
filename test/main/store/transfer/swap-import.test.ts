import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { filesIn, useTempDir, withRawDb } from '../../../helpers/temp-store.ts'
import { writeSyntheticJsonl } from './synthetic-file.ts'

const dir = useTempDir('graphkeep-swap-import-')
const options = { onError: 'abort', onDuplicate: 'fail' } as const
const rowsOf = (file: string) => withRawDb(file, (db) => db.prepare('SELECT (SELECT count(*) FROM nodes) AS nodes, (SELECT count(*) FROM edges) AS edges, (SELECT count(*) FROM batches) AS batches').get())

it('an import into an empty store is one batch in the new file, numbered after ids used before, undone in one step', async () => {
  const file = join(dir(), 'store.db')
  const path = join(dir(), 'graph.jsonl')
  await writeSyntheticJsonl(path, 2_000)
  let store = openStore({ file })
  let batchId: number
  try {
    store.nodes.create({ key: 'gone', type: 'seed' })
    store.nodes.delete({ key: 'gone' })
    const summary = await store.import.run({ source: { path }, options })
    expect(summary).toMatchObject({ cancelled: false, nodes: { inserted: 2_000 }, edges: { inserted: 4_000 } })
    expect(store.store.stats()).toMatchObject({ nodeCount: 2_000, edgeCount: 4_000 })
    expect(store.search.query({ text: 'label1999', limit: 5 }).items.map((hit) => hit.node.key)).toContain('n1999')
    expect(store.history.batch({ id: summary.batchId!, limit: 1 }).batch).toMatchObject({ operation: 'import' })
    batchId = summary.batchId!
  } finally {
    store.close()
  }
  // Ids are never handed out twice: node 1 was used (and deleted) before the import.
  expect(withRawDb(file, (db) => db.prepare("SELECT id FROM nodes WHERE key = 'n0'").pluck().get())).toBe(2)
  store = openStore({ file })
  try {
    store.history.undo({ batchId, withLater: false })
    expect(store.store.stats()).toMatchObject({ nodeCount: 0, edgeCount: 0 })
    expect(store.health.check({ full: true }).integrity.ok).toBe(true)
  } finally {
    store.close()
  }
  expect(filesIn(dir()).filter((name) => name.includes('.importing-'))).toEqual([])
})

it('abort mode with a problem, or a file that cannot be read to the end: the store file is not replaced and nothing is left beside it', async () => {
  const file = join(dir(), 'store.db')
  const path = join(dir(), 'dup.jsonl')
  writeFileSync(path, ['{"kind":"node","key":"a"}', '{"kind":"node","key":"b"}', '{"kind":"node","key":"a"}', '{"kind":"edge","source":"a","target":"zz"}'].join('\n') + '\n')
  const store = openStore({ file })
  try {
    store.meta.set({ key: 'owner', value: 'kept' })
    const before = rowsOf(file)
    const summary = await store.import.run({ source: { path }, options })
    expect(summary.batchId).toBeNull()
    expect(summary.nodes.inserted + summary.edges.inserted).toBe(0)
    expect(summary.report.problems.map((problem) => problem.code).sort()).toEqual(['DUPLICATE_KEY', 'MISSING_ENDPOINT'])
    expect(rowsOf(file)).toEqual(before)
    await expect(store.import.run({ source: { path: join(dir(), 'missing.jsonl'), format: 'jsonl' }, options })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Skip mode writes the good rows.
    const skipped = await store.import.run({ source: { path }, options: { ...options, onError: 'skip' } })
    expect(skipped.nodes).toMatchObject({ inserted: 2, skipped: 1 })
    expect(store.meta.get({ key: 'owner' }).value).toBe('kept')
  } finally {
    store.close()
  }
  expect(filesIn(dir()).filter((name) => name.includes('.importing-') || name.includes('.import-scratch'))).toEqual([])
})
