import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, openStore } from '../../../src/main/store/index.ts'
import type { DataScope } from '../../../src/shared/events.ts'
import { APP_VERSION } from '../../../src/shared/version.ts'
import { useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const changes: DataScope[][] = []
const { store, file } = useTempStore({ onEvent: (event) => { if (event.type === 'dataChanged') changes.push(event.scopes) } })

describe('typeCounts and stats', () => {
  it('counts nodes and edges by type, most first, then by name', () => {
    store().nodes.createMany({ nodes: [
      { key: 'a', type: 'person' }, { key: 'b', type: 'person' }, { key: 'c', type: 'city' },
      { key: 'd', type: 'band' }, { key: 'e', type: 'person' },
    ] })
    store().edges.createMany({ edges: [
      { source: 'a', target: 'c', type: 'lives-in' }, { source: 'b', target: 'c', type: 'lives-in' }, { source: 'a', target: 'd', type: 'fan-of' },
    ] })
    expect(store().types.counts()).toEqual({
      nodeTypes: [{ type: 'person', count: 3 }, { type: 'band', count: 1 }, { type: 'city', count: 1 }],
      edgeTypes: [{ type: 'lives-in', count: 2 }, { type: 'fan-of', count: 1 }],
    })
    store().nodes.delete({ key: 'a' })
    expect(store().types.counts()).toEqual({
      nodeTypes: [{ type: 'person', count: 2 }, { type: 'band', count: 1 }, { type: 'city', count: 1 }],
      edgeTypes: [{ type: 'lives-in', count: 1 }],
    })
  })

  it('is empty for an empty store', () => {
    expect(store().types.counts()).toEqual({ nodeTypes: [], edgeTypes: [] })
  })

  it('reports counts, file, sizes and versions', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    store().edges.create({ source: 'a', target: 'b', type: 'e' })
    const stats = store().store.stats()
    expect(stats).toEqual({
      name: 'graph.db', file: file(), nodeCount: 2, edgeCount: 1,
      fileBytes: expect.any(Number), walBytes: expect.any(Number),
      schemaVersion: LATEST_SCHEMA_VERSION, sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+/), appVersion: APP_VERSION,
      readOnly: false,
      interruptedImport: null,
    })
    expect(stats.fileBytes).toBeGreaterThan(0)
  })

  it('uses the given name', () => {
    const named = openStore({ file: `${file()}.named`, name: 'My graph' })
    try {
      expect(named.store.stats().name).toBe('My graph')
    } finally {
      named.close()
    }
  })
})

describe('meta', () => {
  it('answers null for a key never set', () => {
    expect(store().meta.get({ key: 'nothing' })).toEqual({ key: 'nothing', value: null })
  })

  it('stores any JSON value and reads it back, also after reopening', () => {
    const values = [{ layout: 'cose', zoom: 1.5, pinned: ['a', 'b'], nested: { deep: [null, true] } }, [1, 'two', { three: 3 }], 'text ✓', 0, false, 12.25]
    values.forEach((value, i) => expect(store().meta.set({ key: `k${i}`, value })).toEqual({ key: `k${i}`, value }))
    values.forEach((value, i) => expect(store().meta.get({ key: `k${i}` })).toEqual({ key: `k${i}`, value }))
    store().close()
    const again = openStore({ file: file() })
    try {
      values.forEach((value, i) => expect(again.meta.get({ key: `k${i}` }).value).toEqual(value))
    } finally {
      again.close()
    }
  })

  it('overwrites a value, and setting null removes the entry', () => {
    store().meta.set({ key: 'view', value: { a: 1 } })
    store().meta.set({ key: 'view', value: { b: 2 } })
    expect(store().meta.get({ key: 'view' }).value).toEqual({ b: 2 })
    expect(store().meta.set({ key: 'view', value: null })).toEqual({ key: 'view', value: null })
    expect(store().meta.get({ key: 'view' })).toEqual({ key: 'view', value: null })
    store().meta.set({ key: 'other', value: 'kept' })
    store().close()
    expect(withRawDb(file(), (db) => db.prepare('SELECT key, value FROM meta').all())).toEqual([{ key: 'other', value: '"kept"' }])
  })

  it('tells listeners which data changed after each write', () => {
    changes.length = 0
    store().meta.set({ key: 'm', value: 1 })
    store().nodes.create({ key: 'n', type: 't' })
    store().nodes.create({ key: 'o', type: 't' })
    const edge = store().edges.create({ source: 'n', target: 'o', type: 'e' })
    store().edges.update({ id: edge.id, weight: 2 })
    store().nodes.delete({ key: 'n' })
    expect(changes).toEqual([['meta'], ['nodes'], ['nodes'], ['edges'], ['edges'], ['nodes', 'edges', 'embeddings']])
  })

  it('does not tell listeners about a write that failed', () => {
    store().nodes.create({ key: 'n', type: 't' })
    changes.length = 0
    expect(() => store().nodes.create({ key: 'n', type: 't' })).toThrow()
    expect(() => store().nodes.update({ key: 'ghost', label: 'x' })).toThrow()
    expect(store().nodes.delete({ key: 'ghost' }).deleted).toBe(false)
    expect(changes).toEqual([])
  })
})
