import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { importRequest } from '../../../../src/shared/transfer.ts'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// Vectors under History: a set, a delete, a node deleted with its vectors — each undone and redone
// with the vectors as they were, also after a restart; a later change to the same vectors stands in
// the way of an undo (of an edit, a node's creation or an import) and is named.

const dir = useTempDir('graphkeep-vector-undo-')
const vectorsOf = (store: GraphStore, key: string) => store.embeddings.get({ key }).items.map((item) => [item.model, item.vector])
const lastBatch = (store: GraphStore) => store.history.list({ limit: 1 }).items[0]!.id
const undo = (store: GraphStore, batchId: number) => store.history.undo({ batchId, withLater: false })

const blockersOf = (error: GraphKeepError) => (error.details as { blockers: { batchId: number; action: string }[] }).blockers.map((b) => [b.batchId, b.action])

function storeWithVectors(): { store: GraphStore; file: string } {
  const file = join(dir(), `graph-${Math.random().toString(36).slice(2)}.db`)
  const store = openStore({ file })
  store.nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }, { key: 'c', type: 't' }] })
  store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0, 0] }, { key: 'b', vector: [0, 2, 0] }] })
  store.embeddings.set({ model: 'w', items: [{ key: 'a', vector: [3, 4] }] })
  return { store, file }
}

describe('undo and redo of vector changes', () => {
  it('a set is undone to the vectors before it (none where there was none) and redone, across a restart', () => {
    const { store: first, file } = storeWithVectors()
    first.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [0, 0, 5] }, { key: 'c', vector: [0, 1, 1] }] })
    const set = lastBatch(first)
    first.close()
    let store = openStore({ file })
    undo(store, set)
    expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]], ['w', [3, 4]]])
    expect(vectorsOf(store, 'c')).toEqual([])
    store.close()
    store = openStore({ file })
    store.history.redo({ batchId: set })
    expect(vectorsOf(store, 'a')).toEqual([['m', [0, 0, 5]], ['w', [3, 4]]])
    expect(vectorsOf(store, 'c')).toEqual([['m', [0, 1, 1]]])
    undo(store, set)
    expect(vectorsOf(store, 'c')).toEqual([])
    store.close()
  })

  it('a delete of vectors is undone and redone', () => {
    const { store } = storeWithVectors()
    store.embeddings.delete({ model: 'm', keys: ['a', 'b'] })
    const removed = lastBatch(store)
    expect(vectorsOf(store, 'b')).toEqual([])
    undo(store, removed)
    expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]], ['w', [3, 4]]])
    expect(vectorsOf(store, 'b')).toEqual([['m', [0, 2, 0]]])
    store.history.redo({ batchId: removed })
    expect(vectorsOf(store, 'a')).toEqual([['w', [3, 4]]])
    store.close()
  })

  for (const how of ['delete', 'deleteMany', 'restore'] as const) {
    it(`a node deleted (${how}) comes back with its vectors`, () => {
      const { store } = storeWithVectors()
      if (how === 'deleteMany') store.nodes.deleteMany({ keys: ['a', 'b'] })
      else store.nodes.delete({ key: 'a' })
      const deleted = lastBatch(store)
      if (how === 'restore') {
        const item = store.history.deleted({ entity: 'node', limit: 10 }).items.find((row) => row.name === 'a')!
        store.history.restore({ nodes: [item.id], edges: [] })
      } else undo(store, deleted)
      expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]], ['w', [3, 4]]])
      if (how === 'deleteMany') expect(vectorsOf(store, 'b')).toEqual([['m', [0, 2, 0]]])
      if (how === 'restore') return store.close()
      store.history.redo({ batchId: deleted })
      expect(() => vectorsOf(store, 'a')).toThrow(/no node/)
      undo(store, deleted)
      expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]], ['w', [3, 4]]])
      store.close()
    })
  }
})

describe('a later change to the same vectors stands in the way', () => {
  it('of an earlier set: named, and undone first with it', () => {
    const { store } = storeWithVectors()
    store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [0, 0, 1] }] })
    const earlier = lastBatch(store)
    store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [0, 1, 0] }] })
    const later = lastBatch(store)
    const error = thrownBy(() => undo(store, earlier), 'CONFLICT')
    expect(error.message).toMatch(/vectors of a node/)
    expect(blockersOf(error)).toEqual([[later, 'undo']])
    expect(vectorsOf(store, 'a')[0]).toEqual(['m', [0, 1, 0]])
    store.history.undo({ batchId: earlier, withLater: true })
    expect(vectorsOf(store, 'a')[0]).toEqual(['m', [1, 0, 0]])
    store.close()
  })

  it('not when the later change was undone, nor when it touched another model', () => {
    const { store } = storeWithVectors()
    store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [0, 0, 1] }] })
    const earlier = lastBatch(store)
    store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [0, 1, 0] }] })
    undo(store, lastBatch(store))
    store.embeddings.set({ model: 'w', items: [{ key: 'a', vector: [1, 1] }] })
    undo(store, earlier)
    expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]], ['w', [1, 1]]])
    store.close()
  })

  it('of a node\'s creation, when the node got a vector since', () => {
    const { store } = storeWithVectors()
    store.nodes.create({ key: 'new', type: 't' })
    const created = lastBatch(store)
    store.embeddings.set({ model: 'm', items: [{ key: 'new', vector: [1, 1, 0] }] })
    const set = lastBatch(store)
    expect(blockersOf(thrownBy(() => undo(store, created), 'CONFLICT'))).toEqual([[set, 'undo']])
    store.history.undo({ batchId: created, withLater: true })
    expect(() => store.nodes.get({ key: 'new' })).toThrow()
    store.close()
  })

  for (const on of ['its own new node', 'a node that was there']) {
    it(`of an import, when a later set changed the vector of ${on}`, async () => {
      const { store } = storeWithVectors()
      const file = join(dir(), `in-${Math.random().toString(36).slice(2)}.jsonl`)
      writeFileSync(file, [
        { kind: 'node', key: 'n0', type: 't' },
        { kind: 'embedding', key: 'n0', model: 'm', vector: [1, 1, 1] },
        { kind: 'embedding', key: 'b', model: 'm', vector: [5, 0, 0] },
      ].map((row) => JSON.stringify(row)).join('\n'))
      await store.import.run(importRequest.parse({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } }))
      const imported = lastBatch(store)
      store.embeddings.set({ model: 'm', items: [{ key: on === 'its own new node' ? 'n0' : 'b', vector: [0, 0, 9] }] })
      const set = lastBatch(store)
      const error = thrownBy(() => undo(store, imported), 'CONFLICT')
      expect(blockersOf(error)).toEqual([[set, 'undo']])
      expect(vectorsOf(store, on === 'its own new node' ? 'n0' : 'b')).toEqual([['m', [0, 0, 9]]])
      store.history.undo({ batchId: imported, withLater: true })
      expect(vectorsOf(store, 'b')).toEqual([['m', [0, 2, 0]]])
      expect(() => store.nodes.get({ key: 'n0' })).toThrow()
      store.close()
    })
  }
})

describe('any sequence of vector changes, undone newest first and redone oldest first', () => {
  const KEYS = ['a', 'b', 'c']
  const vector = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }).filter((v) => v.some((x) => x !== 0))
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...KEYS), model: fc.constantFrom('m', 'w'), vector }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...KEYS), model: fc.constantFrom('m', 'w') }),
    fc.record({ kind: fc.constant('deleteNode' as const), key: fc.constantFrom(...KEYS) }),
    fc.record({ kind: fc.constant('createNode' as const), key: fc.constantFrom(...KEYS) }),
  )
  const snapshot = (store: GraphStore) => KEYS.map((key) => {
    try {
      return [key, vectorsOf(store, key)]
    } catch {
      return [key, 'gone']
    }
  })

  it('returns to the same vectors at each step', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
      const store = openStore({ file: join(dir(), `p-${Math.random().toString(36).slice(2)}.db`) })
      try {
        store.nodes.createMany({ nodes: KEYS.map((key) => ({ key, type: 't' })) })
        const states = [snapshot(store)]
        const batches: number[] = []
        for (const step of ops) {
          const before = lastBatch(store)
          try {
            if (step.kind === 'set') store.embeddings.set({ model: step.model, items: [{ key: step.key, vector: step.vector }] })
            else if (step.kind === 'delete') store.embeddings.delete({ model: step.model, keys: [step.key] })
            else if (step.kind === 'deleteNode') store.nodes.delete({ key: step.key })
            else store.nodes.create({ key: step.key, type: 't' })
          } catch (error) {
            if (!(error instanceof GraphKeepError)) throw error // a missing node or model, a taken key: nothing written
          }
          if (lastBatch(store) === before) continue
          batches.push(lastBatch(store))
          states.push(snapshot(store))
        }
        for (let i = batches.length - 1; i >= 0; i--) {
          undo(store, batches[i]!)
          expect(snapshot(store)).toEqual(states[i])
        }
        for (let i = 0; i < batches.length; i++) {
          store.history.redo({ batchId: batches[i]! })
          expect(snapshot(store)).toEqual(states[i + 1])
        }
      } finally {
        store.close()
      }
    }), propertyRun('vector-undo', 40))
  })
})
