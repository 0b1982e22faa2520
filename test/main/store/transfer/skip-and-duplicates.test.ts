import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ImportRequestInput } from '../../../../src/shared/transfer.ts'
import { importRequest } from '../../../../src/shared/transfer.ts'
import { dumpGraph } from '../../../helpers/store-dump.ts'
import { useTempStore, withRawDb } from '../../../helpers/temp-store.ts'

const { dir, file, store } = useTempStore()

beforeEach(() => {
  store().nodes.createMany({ nodes: [{ key: 'ada', type: 'person', label: 'Ada', properties: { born: 1815 } }, { key: 'engine', type: 'machine', label: 'Engine' }] })
})

const run = (path: string, options: NonNullable<ImportRequestInput['options']>) => store().import.run(importRequest.parse({ source: { path }, options }))

function writeLines(name: string, lines: string[]): string {
  const path = join(dir(), name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

describe('skip mode', () => {
  it('leaves every bad row out, lists each of them, and writes the good ones', async () => {
    const summary = await run(join(import.meta.dirname, '../../../fixtures/import/bad-rows.jsonl'), { onError: 'skip', onDuplicate: 'fail' })
    expect(summary.report.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(summary.report.problemsTruncated).toBe(false)
    expect(summary.nodes).toEqual({ inserted: 1, updated: 0, skipped: 0 })
    expect(summary.edges).toEqual({ inserted: 1, skipped: 0 })
    const dump = await dumpGraph(store())
    expect(dump.nodes.map((n) => n.key)).toEqual(['ada', 'engine', 'lovelace-notes'])
    expect(dump.nodes[0]?.label).toBe('Ada')
    expect(dump.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['ada>lovelace-notes'])
  })

  it('leaves out an edge whose only endpoint in the file was a bad row', async () => {
    const path = writeLines('bad-endpoint.jsonl', [
      '{"kind":"node","key":"turing","type":"person","properties":"not an object"}',
      '{"kind":"edge","source":"ada","target":"turing","type":"knew"}',
      '{"kind":"node","key":"hopper","type":"person"}',
    ])
    const summary = await run(path, { onError: 'skip', onDuplicate: 'fail' })
    expect(summary.report.problems.map((p) => [p.code, p.line])).toEqual([['BAD_PROPERTIES', 1], ['MISSING_ENDPOINT', 2]])
    expect((await dumpGraph(store())).nodes.map((n) => n.key)).toEqual(['ada', 'engine', 'hopper'])
    expect(store().store.stats().edgeCount).toBe(0)
  })
})

describe('keys already in the store', () => {
  const lines = [
    '{"kind":"node","key":"ada","type":"mathematician","label":"Augusta Ada King","properties":{"title":"Countess"}}',
    '{"kind":"node","key":"babbage","type":"person","label":"Charles Babbage"}',
    '{"kind":"edge","source":"babbage","target":"ada","type":"knew"}',
  ]

  it('fail: reported as KEY_EXISTS, nothing written', async () => {
    const before = await dumpGraph(store())
    const summary = await run(writeLines('dup.jsonl', lines), { onError: 'abort', onDuplicate: 'fail' })
    expect(summary.report.problems.map((p) => [p.code, p.line])).toEqual([['KEY_EXISTS', 1]])
    expect(await dumpGraph(store())).toEqual(before)
  })

  it('skip: the stored node stays as it was, the rest goes in', async () => {
    const summary = await run(writeLines('dup.jsonl', lines), { onError: 'abort', onDuplicate: 'skip' })
    expect(summary.report.ok).toBe(true)
    expect(summary.nodes).toEqual({ inserted: 1, updated: 0, skipped: 1 })
    expect(store().nodes.get({ key: 'ada' })).toMatchObject({ type: 'person', label: 'Ada', properties: { born: 1815 } })
    expect(store().store.stats().edgeCount).toBe(1)
  })

  it('update: the stored node is overwritten, with its before-image in the import batch, and found by its new text', async () => {
    const summary = await run(writeLines('dup.jsonl', lines), { onError: 'abort', onDuplicate: 'update' })
    expect(summary.nodes).toEqual({ inserted: 1, updated: 1, skipped: 0 })
    expect(store().nodes.get({ key: 'ada' })).toMatchObject({ type: 'mathematician', label: 'Augusta Ada King', properties: { title: 'Countess' } })
    expect(store().search.query({ text: 'countess', limit: 10 }).items.map((hit) => hit.node.key)).toContain('ada')
    store().close()
    withRawDb(file(), (db) => {
      const batch = db.prepare('SELECT * FROM batches WHERE id = ?').get(summary.batchId) as Record<string, unknown>
      expect(batch).toMatchObject({ operation: 'import', first_node_id: 3, last_node_id: 3, first_edge_id: 1, last_edge_id: 1 })
      const audit = db.prepare('SELECT entity, op, before, after FROM audit WHERE batch_id = ?').all(summary.batchId) as { before: string; after: string }[]
      expect(audit).toHaveLength(1)
      expect(JSON.parse(audit[0]!.before)).toEqual({ key: 'ada', type: 'person', label: 'Ada', properties: { born: 1815 } })
      expect(JSON.parse(audit[0]!.after)).toEqual({ key: 'ada', type: 'mathematician', label: 'Augusta Ada King', properties: { title: 'Countess' } })
    })
  })

  it('a key twice in the file is DUPLICATE_KEY whatever onDuplicate says', async () => {
    const path = writeLines('twice.jsonl', ['{"key":"x","type":"t"}', '{"key":"y","type":"t"}', '{"key":"x","type":"t"}'])
    for (const onDuplicate of ['skip', 'update', 'fail'] as const) {
      const summary = await run(path, { onError: 'abort', onDuplicate })
      expect(summary.report.problems.map((p) => [p.code, p.line])).toEqual([['DUPLICATE_KEY', 3]])
    }
    expect(store().store.stats().nodeCount).toBe(2)
  })
})

describe('edges listed before their nodes', () => {
  it('go in once their nodes have, into a non-empty store, under the same audit batch', async () => {
    const path = writeLines('forward.jsonl', [
      '{"kind":"edge","source":"ada","target":"later","type":"wrote"}',
      ...Array.from({ length: 30_000 }, (_, i) => `{"kind":"node","key":"filler${i}","type":"filler"}`),
      '{"kind":"node","key":"later","type":"document"}',
    ])
    const summary = await run(path, { onError: 'abort', onDuplicate: 'fail' })
    expect(summary.report.ok).toBe(true)
    expect(summary.edges).toEqual({ inserted: 1, skipped: 0 })
    expect(store().nodes.neighbours({ key: 'ada', direction: 'out', limit: 5 }).items.map((n) => n.node.key)).toEqual(['later'])
  })
})
