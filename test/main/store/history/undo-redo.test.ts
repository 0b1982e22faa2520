import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/store/index.ts'
import { GraphKeepError } from '../../../../src/shared/errors.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store, dir } = useTempStore()
const label = (key: string) => store().nodes.get({ key }).label

function conflictOf(run: () => unknown): GraphKeepError {
  try {
    run()
  } catch (error) {
    if (error instanceof GraphKeepError && error.code === 'CONFLICT') return error
    throw error
  }
  throw new Error('expected a CONFLICT')
}

describe('undo and redo of any batch', () => {
  it('refuses (changing nothing) when later batches touched the same rows, names them in order, and succeeds once they are undone', () => {
    store().nodes.create({ key: 'a', type: 't', label: 'v0' })
    const first = store().history.list({ limit: 1 }).items[0]!.id
    store().nodes.update({ key: 'a', label: 'v1' })
    const second = first + 1
    store().nodes.update({ key: 'a', label: 'v2' })
    const third = first + 2
    const batches = store().history.list({ limit: 100 }).items.length

    const refusal = conflictOf(() => store().history.undo({ batchId: second, withLater: false }))
    expect(refusal.message).toMatch(new RegExp(`cannot undo #${second}.*First undo #${third} \\(nodes.update\\)`))
    expect((refusal.details as { blockers: unknown[] }).blockers).toEqual([expect.objectContaining({ batchId: third, action: 'undo' })])
    expect(label('a')).toBe('v2')
    expect(store().history.list({ limit: 100 }).items).toHaveLength(batches)

    store().history.undo({ batchId: third, withLater: false })
    expect(label('a')).toBe('v1')
    store().history.undo({ batchId: second, withLater: false })
    expect(label('a')).toBe('v0')
    // Redo in the other order: the first redo must wait for the second.
    expect(conflictOf(() => store().history.redo({ batchId: third })).details).toMatchObject({ blockers: [{ batchId: second, action: 'redo' }] })
    store().history.redo({ batchId: second })
    store().history.redo({ batchId: third })
    expect(label('a')).toBe('v2')
  })

  it('undoes the later batches first, newest first, when asked (withLater), all in one go', () => {
    store().nodes.create({ key: 'a', type: 't', label: 'v0' })
    const created = store().history.list({ limit: 1 }).items[0]!.id
    store().nodes.create({ key: 'b', type: 't', label: 'b' })
    store().edges.create({ source: 'a', target: 'b', type: 'knows' })
    store().nodes.update({ key: 'a', label: 'v1' })
    const blockers = (conflictOf(() => store().history.undo({ batchId: created, withLater: false })).details as { blockers: { batchId: number }[] }).blockers
    expect(blockers.map((b) => b.batchId)).toEqual([created + 3])
    const result = store().history.undo({ batchId: created, withLater: true })
    expect(result.undone).toEqual([created + 3, created + 2, created])
    expect(store().nodes.list({ sort: 'key', order: 'asc', limit: 100 }).items.map((n) => n.key)).toEqual(['b'])
    expect(store().edges.list({ order: 'asc', limit: 100 }).items).toEqual([])
  })

  it('puts a deleted node back under its own id with its edges, and redo deletes them again; ids are never handed out twice', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    const edge = store().edges.create({ source: 'a', target: 'b', type: 'knows', properties: { since: 1 } })
    store().nodes.delete({ key: 'b' })
    const deletion = store().history.list({ limit: 1 }).items[0]!
    expect(deletion.counts).toEqual({ 'node.delete': 1, 'edge.delete': 1 })
    // The deleted edge's id stays taken.
    expect(store().edges.create({ source: 'a', target: 'a', type: 'self' }).id).toBe(edge.id + 1)
    store().history.undo({ batchId: deletion.id, withLater: false })
    expect(store().edges.get({ id: edge.id })).toMatchObject({ source: 'a', target: 'b', properties: { since: 1 } })
    store().history.redo({ batchId: deletion.id })
    expect(() => store().nodes.get({ key: 'b' })).toThrow(/no node/)
    expect(store().edges.list({ order: 'asc', limit: 100 }).items.map((e) => e.id)).toEqual([edge.id + 1])
  })

  it('Ctrl+Z and Ctrl+Shift+Z: the user stack undoes the last edit, redoes the last undo, and a new edit clears the redo', () => {
    store().nodes.create({ key: 'a', type: 't', label: 'v0' })
    store().nodes.update({ key: 'a', label: 'v1' })
    expect(store().history.stack().undo?.batch.operation).toBe('nodes.update')
    store().history.undoLast()
    expect(label('a')).toBe('v0')
    expect(store().history.stack().redo?.batch.operation).toBe('nodes.update')
    store().history.undoLast()
    expect(() => store().nodes.get({ key: 'a' })).toThrow()
    store().history.redoLast()
    store().history.redoLast()
    expect(label('a')).toBe('v1')
    store().history.undoLast()
    store().nodes.create({ key: 'x', type: 't' })
    expect(store().history.stack().redo).toBeNull()
    expect(store().history.redoLast()).toEqual({ batchId: null, target: null })
  })

  it('undo and redo survive closing and reopening the store', () => {
    const other = join(dir(), 'other.db')
    const first = openStore({ file: other })
    first.nodes.create({ key: 'a', type: 't', label: 'v0' })
    first.nodes.update({ key: 'a', label: 'v1' })
    first.close()
    const reopened = openStore({ file: other })
    try {
      expect(reopened.history.undoLast().target).not.toBeNull()
      expect(reopened.nodes.get({ key: 'a' }).label).toBe('v0')
    } finally {
      reopened.close()
    }
    const again = openStore({ file: other })
    try {
      expect(again.history.stack().redo?.batch.operation).toBe('nodes.update')
      again.history.redoLast()
      expect(again.nodes.get({ key: 'a' }).label).toBe('v1')
    } finally {
      again.close()
    }
  })

  it('history comes with a backup: after a restore, its batches can still be undone and redone', async () => {
    store().nodes.create({ key: 'a', type: 't', label: 'v0' })
    store().nodes.update({ key: 'a', label: 'v1' })
    const update = store().history.list({ limit: 1 }).items[0]!.id
    const backup = await store().backup.create({}, 'manual')
    store().nodes.update({ key: 'a', label: 'v2' })
    await store().backup.restore({ id: backup.id })
    expect(label('a')).toBe('v1')
    store().history.undo({ batchId: update, withLater: false })
    expect(label('a')).toBe('v0')
    store().history.redo({ batchId: update })
    expect(label('a')).toBe('v1')
  })

  it('refuses to undo an undo, a view change, an undone batch, and a batch that is not there', () => {
    store().nodes.create({ key: 'a', type: 't' })
    const id = store().history.list({ limit: 1 }).items[0]!.id
    const undo = store().history.undo({ batchId: id, withLater: false }).batchId
    expect(() => store().history.undo({ batchId: undo, withLater: false })).toThrow(/itself an undo/)
    expect(() => store().history.undo({ batchId: id, withLater: false })).toThrow(/already undone/)
    store().views.save({ name: 'v', state: {}, nodeCount: 0 })
    expect(() => store().history.undo({ batchId: store().history.list({ limit: 1 }).items[0]!.id, withLater: false })).toThrow(/saved view/)
    expect(() => store().history.undo({ batchId: 9999, withLater: false })).toThrow(/no batch #9999/)
  })
})
