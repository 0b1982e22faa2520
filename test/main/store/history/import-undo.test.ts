import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { replayAuditTrail } from '../../../helpers/audit-replay.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

// An import undone by its id ranges (history/by-range.ts): the rows, their embeddings and the metadata
// the import brought in go, and come back with a redo, also after a restart; caches built over the
// graph (adjacency, node columns) follow; no audit image is written per row.

const dir = useTempDir('graphkeep-import-undo-')
const N = 40

function importFile(folder: string): string {
  const file = join(folder, 'in.jsonl')
  const rows: object[] = [{ kind: 'meta', key: 'project', value: { name: 'imported' } }, { kind: 'meta', key: 'source', value: 'file' }]
  for (let i = 0; i < N; i++) rows.push({ kind: 'node', key: `n${i}`, type: i % 2 ? 'odd' : 'even', label: `N${i}`, properties: { i, word: `w${i}` } })
  for (let i = 1; i < N; i++) rows.push({ kind: 'edge', source: `n${i - 1}`, target: `n${i}`, type: 'next', properties: { i } })
  rows.push({ kind: 'edge', source: 'old', target: 'n0', type: 'into' })
  for (let i = 0; i < 5; i++) rows.push({ kind: 'embedding', key: `n${i}`, model: 'm', vector: [i + 1, 1, 0.5] })
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'))
  return file
}

const keys = (store: GraphStore) => store.nodes.list({ sort: 'key', order: 'asc', limit: 1000 }).items.map((n) => n.key)
const neighbours = (store: GraphStore, key: string) =>
  store.graph.expand({ key, direction: 'both', limit: 100, offset: 0 }).nodes.map((n) => n.key).filter((k) => k !== key).sort()
const oddCount = (store: GraphStore) => store.nodes.count({ types: ['odd'] }).count
const bigCount = (store: GraphStore) => store.nodes.count({ where: [{ path: 'i', op: 'gte', value: 0 }] }).count

describe('undo of an import by its id ranges', () => {
  for (const into of ['a store with nodes (the insert pass)', 'an empty store (the bulk pass)']) {
    it(`takes back the rows, embeddings and metadata of an import into ${into}; redo brings them back, across a restart`, async () => {
      const file = join(dir(), 'graph.db')
      let store = openStore({ file })
      const filled = into.startsWith('a store')
      if (filled) {
        store.nodes.create({ key: 'old', type: 'kept', label: 'Old', properties: { i: -1 } })
        store.meta.set({ key: 'project', value: { name: 'mine' } })
      }
      // Caches built before the import, so that they must follow it, its undo and its redo.
      const before = { odd: oddCount(store), big: bigCount(store) }
      await store.import.run({ source: { path: importFile(dir()), format: 'jsonl' }, options: { onError: 'skip', onDuplicate: 'fail' } })
      const batch = store.history.list({ limit: 1 }).items[0]!
      expect(batch.origin).toBe('import')
      const vector = store.embeddings.get({ key: 'n3' }).items
      expect(vector).toHaveLength(1)
      expect(neighbours(store, 'n5')).toEqual(['n4', 'n6'])
      expect(oddCount(store)).toBe(before.odd + N / 2)
      const auditRows = store.history.size().auditRows
      // Apart in time from the undo, so that "as of" can tell them apart.
      await new Promise((resolve) => setTimeout(resolve, 5))

      const undo = store.history.undo({ batchId: batch.id, withLater: false })
      expect(store.history.list({ limit: 1 }).items[0]).toMatchObject({ id: undo.batchId, origin: 'undo', counts: { 'node.delete': N, 'edge.delete': filled ? N : N - 1 } })
      // No audit image per row: only the metadata entries the import set are written back one by one.
      expect(store.history.size().auditRows - auditRows).toBe(filled ? 2 : 2)
      expect(keys(store)).toEqual(filled ? ['old'] : [])
      expect(store.meta.get({ key: 'project' }).value).toEqual(filled ? { name: 'mine' } : null)
      expect(store.meta.get({ key: 'source' }).value).toBeNull()
      expect(store.embeddings.models().models.find((m) => m.name === 'm')?.count ?? 0).toBe(0)
      expect(store.search.query({ text: 'N17', limit: 10 } as never).items).toEqual([])
      expect(filled ? neighbours(store, 'old') : []).toEqual([])
      expect({ odd: oddCount(store), big: bigCount(store) }).toEqual(before)
      // As of the time between the import and its undo, the imported node and its edges were there.
      const then = store.history.asOf({ key: 'n5', at: batch.at })
      expect(then.then).toMatchObject({ label: 'N5', properties: { i: 5, word: 'w5' } })
      expect(then.now).toBeNull()
      expect(then.edges.map((e) => [e.source, e.target, e.status])).toEqual([['n4', 'n5', 'gone'], ['n5', 'n6', 'gone']])
      expect(() => store.history.asOf({ key: 'n5', at: batch.at - 1 })).toThrow(/no node/)
      // New rows never take the ids the undo took out.
      store.nodes.create({ key: 'later', type: 'x' })
      store.close()

      store = openStore({ file })
      try {
        store.history.redo({ batchId: batch.id })
        expect(keys(store)).toEqual([...(filled ? ['old'] : []), 'later', ...Array.from({ length: N }, (_, i) => `n${i}`)].sort())
        expect(store.nodes.get({ key: 'n7' })).toMatchObject({ label: 'N7', type: 'odd', properties: { i: 7, word: 'w7' } })
        expect(store.embeddings.get({ key: 'n3' }).items).toEqual(vector)
        expect(store.meta.get({ key: 'project' }).value).toEqual({ name: 'imported' })
        expect(store.meta.get({ key: 'source' }).value).toBe('file')
        expect(neighbours(store, 'n5')).toEqual(['n4', 'n6'])
        expect(filled ? neighbours(store, 'old') : ['n0']).toEqual(['n0'])
        expect(oddCount(store)).toBe(before.odd + N / 2)
        expect(store.search.query({ text: 'N17', limit: 10 } as never).items.map((hit) => hit.node.key)).toEqual(['n17'])
        // And undone again, after the redo.
        store.history.undo({ batchId: batch.id, withLater: false })
        expect(keys(store)).toEqual([...(filled ? ['old'] : []), 'later'].sort())
      } finally {
        store.close()
      }
      withRawDb(file, (db) => {
        expect(db.pragma('foreign_key_check')).toEqual([])
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        replayAuditTrail(db)
      })
    })
  }

  it('refuses a redo when a kept node\'s key was taken meanwhile, and names the batch to undo first', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    try {
      store.nodes.create({ key: 'old', type: 'kept' })
      await store.import.run({ source: { path: importFile(dir()), format: 'jsonl' }, options: { onError: 'skip', onDuplicate: 'fail' } })
      const batch = store.history.list({ limit: 1 }).items[0]!.id
      store.history.undo({ batchId: batch, withLater: false })
      store.nodes.create({ key: 'n3', type: 'squatter' })
      const squatter = store.history.list({ limit: 1 }).items[0]!.id
      expect(() => store.history.redo({ batchId: batch })).toThrow(new RegExp(`First undo #${squatter} \\(nodes.create\\)`))
      expect(keys(store)).toEqual(['n3', 'old'])
      store.history.undo({ batchId: squatter, withLater: false })
      store.history.redo({ batchId: batch })
      expect(keys(store)).toHaveLength(N + 1)
    } finally {
      store.close()
    }
  })
})
