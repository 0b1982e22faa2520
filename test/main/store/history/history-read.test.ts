import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store, dir } = useTempStore()
const newest = () => store().history.list({ limit: 1 }).items[0]!

describe('history read back', () => {
  it('lists batches newest first with origin, size and counts, filtered by origin and operation', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    store().nodes.update({ key: 'a', label: 'A' })
    store().meta.set({ key: 'x', value: 1 })
    const all = store().history.list({ limit: 10 }).items
    expect(all.map((b) => [b.operation, b.origin, b.size])).toEqual([['meta.set', 'meta', 1], ['nodes.update', 'edit', 1], ['nodes.createMany', 'edit', 2]])
    expect(all[2]?.counts).toEqual({ 'node.insert': 2 })
    expect(store().history.list({ limit: 10, origins: ['edit'], operation: 'update' }).items.map((b) => b.operation)).toEqual(['nodes.update'])
    const page = store().history.list({ limit: 2 })
    expect(store().history.list({ limit: 2, before: page.nextBefore! }).items.map((b) => b.operation)).toEqual(['nodes.createMany'])
  })

  it('shows a batch row by row as diffs, property by property', () => {
    store().nodes.create({ key: 'a', type: 't', label: 'A', properties: { n: 1, tags: ['x'], gone: true } })
    store().nodes.update({ key: 'a', type: 'u', properties: { n: 2, tags: ['x'], added: null } })
    const detail = store().history.batch({ id: newest().id, limit: 50 })
    expect(detail.rows).toEqual([expect.objectContaining({
      entity: 'node', name: 'a', op: 'update',
      changes: [
        { field: 'type', before: 't', after: 'u' },
        { field: 'properties.n', before: 1, after: 2 },
        { field: 'properties.gone', before: true },
        { field: 'properties.added', after: null },
      ],
    })])
  })

  it("a node's History tab lists its changes and its edges', newest first, under every id its key had", () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }] })
    store().edges.create({ source: 'a', target: 'b', type: 'knows' })
    store().nodes.delete({ key: 'a' })
    store().nodes.create({ key: 'a', type: 't', label: 'again' })
    const history = store().history.node({ key: 'a', limit: 100 })
    expect(history.entries.map((e) => `${e.operation}:${e.entity}.${e.op}`)).toEqual([
      'nodes.create:node.insert', 'nodes.delete:node.delete', 'nodes.delete:edge.delete', 'edges.create:edge.insert', 'nodes.createMany:node.insert',
    ])
    expect(history.entries[3]?.name).toBe('a -[knows]-> b')
  })

  it('"as of" shows the node and its edges as they were, with a diff to now', async () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't', label: 'old', properties: { n: 1 } }, { key: 'b', type: 't' }, { key: 'c', type: 't' }] })
    store().edges.create({ source: 'a', target: 'b', type: 'knows' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const then = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 5))
    store().nodes.update({ key: 'a', label: 'new', properties: { n: 2 } })
    store().edges.delete({ id: 1 })
    store().edges.create({ source: 'c', target: 'a', type: 'likes' })
    const asOf = store().history.asOf({ key: 'a', at: then })
    expect(asOf.then).toEqual({ type: 't', label: 'old', properties: { n: 1 } })
    expect(asOf.now).toEqual({ type: 't', label: 'new', properties: { n: 2 } })
    expect(asOf.changes).toEqual([{ field: 'label', before: 'old', after: 'new' }, { field: 'properties.n', before: 1, after: 2 }])
    expect(asOf.edges.map((e) => `${e.source}-${e.type}-${e.target}:${e.status}`)).toEqual(['a-knows-b:gone', 'c-likes-a:added'])
    expect(() => store().history.asOf({ key: 'nobody', at: then })).toThrow(/no node/)
  })

  it('recently deleted lists what is gone, and restore brings a node back with its edges where both ends exist', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't' }, { key: 'b', type: 't' }, { key: 'c', type: 't' }] })
    store().edges.createMany({ edges: [{ source: 'a', target: 'b', type: 'x' }, { source: 'a', target: 'c', type: 'y' }] })
    store().nodes.delete({ key: 'c' })
    store().nodes.delete({ key: 'a' })
    const deleted = store().history.deleted({ entity: 'node', limit: 10 })
    expect(deleted.items.map((item) => [item.name, item.edges, item.blockedBy])).toEqual([['a', 1, null], ['c', 1, null]])
    const result = store().history.restore({ nodes: [deleted.items[0]!.id], edges: [] })
    expect(result).toMatchObject({ nodes: 1, edges: 1 })
    expect(store().edges.list({ order: 'asc', limit: 10 }).items.map((e) => `${e.source}-${e.target}`)).toEqual(['a-b'])
    expect(store().history.deleted({ entity: 'edge', limit: 10 }).items.map((e) => [e.name, e.blockedBy])).toEqual([['a -[y]-> c', 'the node "c" does not exist']])
    // The restore is an edit like any other: it can be undone.
    store().history.undo({ batchId: result.batchId, withLater: false })
    expect(() => store().nodes.get({ key: 'a' })).toThrow()
    expect(() => store().history.restore({ nodes: [999], edges: [] })).toThrow(/not deleted/)
  })

  it('undoes an import through its id ranges, and redoes it', async () => {
    store().nodes.create({ key: 'old', type: 't', label: 'before' })
    const file = join(dir(), 'in.jsonl')
    const lines = [{ kind: 'node', key: 'old', type: 't', label: 'updated' }]
    for (let i = 0; i < 300; i++) lines.push({ kind: 'node', key: `n${i}`, type: 't', label: `N${i}` })
    for (let i = 1; i < 300; i++) lines.push({ kind: 'edge', source: `n${i - 1}`, target: `n${i}`, type: 'next' } as never)
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'))
    await store().import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'update' } })
    const batch = newest()
    expect(batch).toMatchObject({ origin: 'import', counts: { 'node.insert': 300, 'edge.insert': 299, 'node.update': 1 } })
    expect(store().history.batch({ id: batch.id, limit: 10 }).ranges).toEqual({ nodes: [2, 301], edges: [1, 299] })
    store().history.undo({ batchId: batch.id, withLater: false })
    expect(store().store.stats()).toMatchObject({ nodeCount: 1, edgeCount: 0 })
    expect(store().nodes.get({ key: 'old' }).label).toBe('before')
    expect(store().search.query({ text: 'N17', limit: 10 } as never).items).toEqual([])
    store().history.redo({ batchId: batch.id })
    expect(store().store.stats()).toMatchObject({ nodeCount: 301, edgeCount: 299 })
    expect(store().nodes.get({ key: 'old' }).label).toBe('updated')
    // A later edge at an imported node stands in the way of undoing the import again.
    store().edges.create({ source: 'old', target: 'n5', type: 'later' })
    expect(() => store().history.undo({ batchId: batch.id, withLater: false })).toThrow(/First undo #\d+ \(edges.create\)/)
  })

  it('retention: compaction removes old audit rows, keeps ids unique, and refuses to undo or read "as of" before the checkpoint', () => {
    store().nodes.create({ key: 'a', type: 't' })
    store().nodes.delete({ key: 'a' })
    const before = store().history.size()
    expect(before).toMatchObject({ auditRows: 2, retentionDays: null, checkpointAt: null })
    expect(before.auditBytes).toBeGreaterThan(0)
    const result = store().history.compact({ olderThanDays: 0 })
    expect(result).toMatchObject({ removedAuditRows: 2, compactedBatches: 2 })
    expect(store().history.size().checkpointAt).not.toBeNull()
    expect(() => store().history.undo({ batchId: 1, withLater: false })).toThrow(/compacted/)
    store().nodes.create({ key: 'b', type: 't' })
    expect(store().history.node({ key: 'b', limit: 10 }).entries[0]?.id).toBe(2)
    expect(store().history.setSettings({ retentionDays: 30 })).toEqual({ retentionDays: 30 })
    expect(store().history.getSettings()).toEqual({ retentionDays: 30 })
  })
})
