import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import type { AppEvent } from '../../../src/shared/events.ts'
import { useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const seen: AppEvent[] = []
const { store, file } = useTempStore({ onEvent: (event) => seen.push(event) })
const events = () => seen

interface BatchRow { id: number; operation: string; summary: string | null }
const batches = () => {
  store().close()
  return withRawDb(file(), (db) => db.prepare('SELECT id, operation, summary FROM batches ORDER BY id').all() as BatchRow[]).map((row) => ({
    ...row,
    summary: row.summary === null ? null : JSON.parse(row.summary),
  }))
}
const changes = (list: AppEvent[]) => list.filter((event) => event.type === 'dataChanged')

describe('one unit of work for every write', () => {
  it('gives each write one batch whose summary counts its rows by entity and operation', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    store().edges.create({ source: 'a', target: 'b', type: 'r' })
    store().nodes.update({ key: 'a', label: 'A' })
    store().nodes.delete({ key: 'b' })
    store().meta.set({ key: 'theme', value: 'dark' })
    store().meta.set({ key: 'theme', value: null })
    store().views.save({ name: 'v', state: {}, nodeCount: 0 })
    expect(batches().map(({ operation, summary }) => [operation, summary.counts])).toEqual([
      ['nodes.createMany', { 'node.insert': 2 }],
      ['edges.create', { 'edge.insert': 1 }],
      ['nodes.update', { 'node.update': 1 }],
      ['nodes.delete', { 'node.delete': 1, 'edge.delete': 1 }],
      ['meta.set', { 'meta.insert': 1 }],
      ['meta.set', { 'meta.delete': 1 }],
      ['views.save', { 'view.insert': 1 }],
    ])
  })

  it('writes nothing and says nothing when the change fails', () => {
    store().nodes.create({ key: 'a', type: 't' })
    const before = events().length
    expect(() => store().nodes.createMany({ nodes: [{ key: 'c', type: 't' }, { key: 'a', type: 't' }] })).toThrow(/already exists/)
    expect(changes(events().slice(before))).toEqual([])
    expect(batches().map((row) => row.operation)).toEqual(['nodes.create'])
  })

  it('runs an import under one batch through the same path: ranges, counts, one event after it', async () => {
    store().nodes.create({ key: 'seed', type: 't' })
    const path = join(file(), '..', 'graph.jsonl')
    const rows = [
      ...Array.from({ length: 25 }, (_, i) => ({ kind: 'node', key: `n${i}`, type: 't' })),
      { kind: 'node', key: 'seed', type: 'u' },
      ...Array.from({ length: 24 }, (_, i) => ({ kind: 'edge', source: `n${i}`, target: `n${i + 1}`, type: 'next' })),
    ]
    writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n'))
    const before = events().length
    const summary = await store().import.run({ source: { path }, options: { onError: 'abort', onDuplicate: 'update' } })
    expect(changes(events().slice(before))).toEqual([{ type: 'dataChanged', scopes: ['nodes', 'edges', 'meta'] }])
    const [, imported] = batches()
    expect(imported).toMatchObject({ id: summary.batchId, operation: 'import', summary: { operation: 'import', counts: { 'node.insert': 25, 'node.update': 1, 'edge.insert': 24 } } })
  })

  it('refuses every write of a read-only store before opening a batch', () => {
    store().nodes.create({ key: 'a', type: 't' })
    store().close()
    const readOnly = openStore({ file: file(), readOnly: true })
    try {
      expect(() => readOnly.meta.set({ key: 'k', value: 1 })).toThrow(/read-only/)
      expect(() => readOnly.views.save({ name: 'v', state: {}, nodeCount: 0 })).toThrow(/read-only/)
    } finally {
      readOnly.close()
    }
  })
})
