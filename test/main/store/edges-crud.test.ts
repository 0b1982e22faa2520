import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const { store, file } = useTempStore()

function threeNodes() {
  store().nodes.createMany({ nodes: [
    { key: 'a', type: 'person', label: 'Ada' },
    { key: 'b', type: 'person', label: 'Babbage' },
    { key: 'c', type: 'machine', label: 'Engine' },
  ] })
}

describe('edges: create, get, update, delete', () => {
  it('creates an edge between node keys and reads it back', () => {
    threeNodes()
    const edge = store().edges.create({ source: 'a', target: 'c', type: 'programmed', properties: { year: 1843, notes: ['G'] }, weight: 0.25 })
    expect(edge).toEqual({
      id: expect.any(Number), source: 'a', target: 'c', type: 'programmed',
      properties: { year: 1843, notes: ['G'] }, weight: 0.25, createdAt: expect.any(Number), updatedAt: edge.createdAt,
    })
    expect(store().edges.get({ id: edge.id })).toEqual(edge)
  })

  it('defaults weight to 1 and properties to {}, and allows self-loops and parallel edges', () => {
    threeNodes()
    const loop = store().edges.create({ source: 'a', target: 'a', type: 'self' })
    const again = store().edges.create({ source: 'a', target: 'a', type: 'self' })
    expect(loop).toMatchObject({ source: 'a', target: 'a', weight: 1, properties: {} })
    expect(again.id).not.toBe(loop.id)
  })

  it('refuses an edge to a missing node with NOT_FOUND naming the key, writing nothing', () => {
    threeNodes()
    const error = thrownBy(() => store().edges.create({ source: 'a', target: 'nobody', type: 'knows' }), 'NOT_FOUND')
    expect(error.message).toContain('"nobody"')
    expect(error.details).toMatchObject({ key: 'nobody', end: 'target' })
    const fromMissing = thrownBy(() => store().edges.create({ source: 'nobody', target: 'a', type: 'knows' }), 'NOT_FOUND')
    expect(fromMissing.details).toMatchObject({ key: 'nobody', end: 'source' })
    expect(store().store.stats().edgeCount).toBe(0)
  })

  it('updates type and weight, keeps the endpoints, and replaces properties', () => {
    threeNodes()
    const edge = store().edges.create({ source: 'a', target: 'b', type: 'knows', properties: { since: 1833, via: 'Somerville' } })
    const weighted = store().edges.update({ id: edge.id, weight: 0 })
    expect(weighted).toMatchObject({ source: 'a', target: 'b', type: 'knows', weight: 0, properties: { since: 1833, via: 'Somerville' } })
    const replaced = store().edges.update({ id: edge.id, type: 'corresponded', properties: { letters: 12 } })
    expect(replaced).toEqual({ ...edge, type: 'corresponded', weight: 0, properties: { letters: 12 }, updatedAt: expect.any(Number) })
    expect(store().edges.get({ id: edge.id })).toEqual(replaced)
  })

  it('answers NOT_FOUND with the id for get and update of a missing edge; delete says false', () => {
    expect(thrownBy(() => store().edges.get({ id: 404 }), 'NOT_FOUND').details).toEqual({ id: 404 })
    expect(thrownBy(() => store().edges.update({ id: 404, weight: 2 }), 'NOT_FOUND').details).toEqual({ id: 404 })
    expect(store().edges.delete({ id: 404 }).deleted).toBe(false)
  })

  it('deletes an edge and leaves its nodes', () => {
    threeNodes()
    const edge = store().edges.create({ source: 'a', target: 'b', type: 'knows' })
    expect(store().edges.delete({ id: edge.id }).deleted).toBe(true)
    thrownBy(() => store().edges.get({ id: edge.id }), 'NOT_FOUND')
    expect(store().edges.delete({ id: edge.id }).deleted).toBe(false)
    expect(store().store.stats()).toMatchObject({ nodeCount: 3, edgeCount: 0 })
  })

  it('deleting a node removes its edges in both directions, and the audit records all of them in one batch', () => {
    threeNodes()
    const out = store().edges.create({ source: 'a', target: 'b', type: 'knows' })
    const into = store().edges.create({ source: 'c', target: 'a', type: 'built-for' })
    const loop = store().edges.create({ source: 'a', target: 'a', type: 'self' })
    const other = store().edges.create({ source: 'b', target: 'c', type: 'built' })
    expect(store().nodes.delete({ key: 'a' }).deleted).toBe(true)
    for (const id of [out.id, into.id, loop.id]) thrownBy(() => store().edges.get({ id }), 'NOT_FOUND')
    expect(store().edges.get({ id: other.id })).toEqual(other)
    expect(store().edges.list({ order: 'asc', limit: 100 }).items).toEqual([{ ...other, sourceLabel: 'Babbage', targetLabel: 'Engine' }])
    store().close()
    const deletes = withRawDb(file(), (db) =>
      db.prepare("SELECT entity, entity_id, batch_id, before FROM audit WHERE op = 'delete' ORDER BY entity, entity_id").all(),
    ) as { entity: string; entity_id: number; batch_id: number; before: string }[]
    expect(deletes.map((row) => [row.entity, row.entity_id])).toEqual([
      ['edge', out.id], ['edge', into.id], ['edge', loop.id], ['node', expect.any(Number)],
    ])
    expect(new Set(deletes.map((row) => row.batch_id)).size).toBe(1)
    expect(JSON.parse(deletes[3]?.before ?? 'null')).toMatchObject({ key: 'a', type: 'person', label: 'Ada' })
    expect(JSON.parse(deletes[1]?.before ?? 'null')).toMatchObject({ source: 'c', target: 'a', type: 'built-for' })
  })

  it('keeps edges across close and reopen', () => {
    threeNodes()
    const edge = store().edges.create({ source: 'b', target: 'c', type: 'designed', weight: 2.5 })
    store().close()
    const again = openStore({ file: file() })
    try {
      expect(again.edges.get({ id: edge.id })).toEqual(edge)
    } finally {
      again.close()
    }
  })
})
