import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { importRequest } from '../../../../src/shared/transfer.ts'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { replayAuditTrail } from '../../../helpers/audit-replay.ts'
import { useTempDir, withRawDb } from '../../../helpers/temp-store.ts'

// Issues 12/14 follow-ups: an import's undo puts back the vectors it overwrote on nodes that were
// already there, names the later batches that changed a metadata entry it set, and a CSV row whose
// node is kept (onDuplicate 'skip') leaves the stored node's vector alone.

const dir = useTempDir('graphkeep-import-followups-')

function jsonl(rows: object[]): string {
  const file = join(dir(), `in-${Math.random().toString(36).slice(2)}.jsonl`)
  writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'))
  return file
}
const vectorsOf = (store: GraphStore, key: string) => store.embeddings.get({ key }).items.map((item) => [item.model, item.vector])
const lastBatch = (store: GraphStore) => store.history.list({ limit: 1 }).items[0]!.id

function caught(fn: () => unknown): GraphKeepError {
  try {
    fn()
  } catch (error) {
    if (error instanceof GraphKeepError) return error
    throw error
  }
  throw new Error('expected a GraphKeepError')
}

describe('undo of an import that set vectors on nodes that were already there', () => {
  for (const withNewNodes of [true, false]) {
    it(`puts the old vector back (or removes the new one), redo sets it again${withNewNodes ? ' (undo by range)' : ' (no new rows)'}`, async () => {
      const file = join(dir(), 'graph.db')
      let store = openStore({ file })
      store.nodes.createMany({ nodes: [{ key: 'old', type: 't' }, { key: 'bare', type: 't' }, { key: 'other', type: 't' }] })
      store.embeddings.set({ model: 'm', items: [{ key: 'old', vector: [1, 0, 0] }, { key: 'other', vector: [0, 0, 2] }] })
      const rows: object[] = withNewNodes ? [{ kind: 'node', key: 'n0', type: 't' }] : []
      rows.push(
        { kind: 'embedding', key: 'old', model: 'm', vector: [0, 3, 0] },
        { kind: 'embedding', key: 'old', model: 'm', vector: [0, 5, 0] },
        { kind: 'embedding', key: 'bare', model: 'm', vector: [0, 0, 1] },
        { kind: 'embedding', key: 'bare', model: 'fresh', vector: [1, 1] },
      )
      if (withNewNodes) rows.push({ kind: 'embedding', key: 'n0', model: 'm', vector: [1, 1, 1] })
      await store.import.run(importRequest.parse({ source: { path: jsonl(rows), format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } }))
      const batch = lastBatch(store)
      const imported = { old: vectorsOf(store, 'old'), bare: vectorsOf(store, 'bare') }
      expect(imported.old).toEqual([['m', [0, 5, 0]]])
      expect(imported.bare).toEqual([['fresh', [1, 1]], ['m', [0, 0, 1]]])

      store.history.undo({ batchId: batch, withLater: false })
      expect(vectorsOf(store, 'old')).toEqual([['m', [1, 0, 0]]])
      expect(vectorsOf(store, 'bare')).toEqual([])
      expect(vectorsOf(store, 'other')).toEqual([['m', [0, 0, 2]]])
      store.close()

      store = openStore({ file })
      try {
        store.history.redo({ batchId: batch })
        expect(vectorsOf(store, 'old')).toEqual(imported.old)
        expect(vectorsOf(store, 'bare')).toEqual(imported.bare)
        if (withNewNodes) expect(vectorsOf(store, 'n0')).toEqual([['m', [1, 1, 1]]])
        store.history.undo({ batchId: batch, withLater: false })
        expect(vectorsOf(store, 'old')).toEqual([['m', [1, 0, 0]]])
        expect(vectorsOf(store, 'bare')).toEqual([])
        expect(store.nodes.get({ key: 'old' })).toBeTruthy()
      } finally {
        store.close()
      }
      withRawDb(file, (db) => {
        expect(db.pragma('foreign_key_check')).toEqual([])
        replayAuditTrail(db)
      })
    })
  }
})

describe('undo of an import whose metadata entry changed since', () => {
  for (const later of ['meta.set', 'a later import']) {
    it(`names the later batch (${later}) that changed the key, and "with later" undoes it first`, async () => {
      const file = join(dir(), 'graph.db')
      const store = openStore({ file })
      try {
        store.nodes.create({ key: 'a', type: 't' })
        store.meta.set({ key: 'project', value: 'mine' })
        await store.import.run(importRequest.parse({ source: { path: jsonl([{ kind: 'meta', key: 'project', value: 'imported' }, { kind: 'node', key: 'b', type: 't' }]), format: 'jsonl' } }))
        const importBatch = lastBatch(store)
        if (later === 'meta.set') store.meta.set({ key: 'project', value: 'changed' })
        else await store.import.run(importRequest.parse({ source: { path: jsonl([{ kind: 'meta', key: 'project', value: 'second' }]), format: 'jsonl' } }))
        const laterBatch = lastBatch(store)
        // A metadata entry set by hand is undoable from History too (else "undo with later" could not pass it).
        expect(store.history.batch({ id: laterBatch, limit: 1 }).batch.canUndo).toBe(true)
        const error = caught(() => store.history.undo({ batchId: importBatch, withLater: false }))
        expect(error.code).toBe('CONFLICT')
        expect(error.message).toMatch(new RegExp(`First undo #${laterBatch} `))
        expect(error.message).toMatch(/"project"/)
        expect((error.details as { blockers: { batchId: number }[] }).blockers.map((b) => b.batchId)).toEqual([laterBatch])
        expect(store.meta.get({ key: 'project' }).value).toBe(later === 'meta.set' ? 'changed' : 'second')

        const result = store.history.undo({ batchId: importBatch, withLater: true })
        expect(result.undone).toEqual([laterBatch, importBatch])
        expect(store.meta.get({ key: 'project' }).value).toBe('mine')
        expect(store.nodes.list({ sort: 'key', order: 'asc', limit: 10 }).items.map((n) => n.key)).toEqual(['a'])
        store.history.redo({ batchId: importBatch })
        expect(store.meta.get({ key: 'project' }).value).toBe('imported')
        store.history.redo({ batchId: laterBatch })
        expect(store.meta.get({ key: 'project' }).value).toBe(later === 'meta.set' ? 'changed' : 'second')
      } finally {
        store.close()
      }
    })
  }
})

describe('a CSV import that keeps stored nodes (onDuplicate skip)', () => {
  it('does not write a kept row\'s vector onto the stored node, and counts it as skipped', async () => {
    const file = join(dir(), 'graph.db')
    const store = openStore({ file })
    try {
      store.nodes.createMany({ nodes: [{ key: 'a', type: 'stored', label: 'A' }, { key: 'c', type: 'stored' }] })
      store.embeddings.set({ model: 'm', items: [{ key: 'a', vector: [1, 0, 0] }] })
      const path = join(dir(), 'nodes.csv')
      writeFileSync(path, ['key,type,label,vector:m', 'a,doc,Alpha,0 1 0', 'b,doc,Beta,0 0 1', 'c,doc,Carol,1 1 0'].join('\n') + '\n')
      const summary = await store.import.run(importRequest.parse({ source: { path, format: 'csv' }, options: { onError: 'abort', onDuplicate: 'skip' } }))
      expect(summary.report.ok).toBe(true)
      expect(summary.vectors).toEqual({ stored: 1, skipped: 2 })
      expect(vectorsOf(store, 'a')).toEqual([['m', [1, 0, 0]]])
      expect(vectorsOf(store, 'c')).toEqual([])
      expect(vectorsOf(store, 'b')).toEqual([['m', [0, 0, 1]]])
      expect(store.nodes.get({ key: 'a' })).toMatchObject({ type: 'stored', label: 'A' })
    } finally {
      store.close()
    }
  })
})
