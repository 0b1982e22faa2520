import { describe, expect, it } from 'vitest'
import { useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const { store, file } = useTempStore()

interface AuditRow { id: number; batch_id: number; entity: string; entity_id: number; op: string; before: unknown; after: unknown; operation: string }

/** The audit trail of the closed store, with its JSON parsed and each row's batch operation. */
function auditTrail(): AuditRow[] {
  store().close()
  const rows = withRawDb(file(), (db) =>
    db.prepare('SELECT a.*, b.operation FROM audit a JOIN batches b ON b.id = a.batch_id ORDER BY a.id').all(),
  ) as (AuditRow & { before: string | null; after: string | null })[]
  return rows.map((row) => ({ ...row, before: row.before && JSON.parse(row.before), after: row.after && JSON.parse(row.after) }))
}

const batchCount = () => withRawDb(file(), (db) => db.prepare('SELECT count(*) FROM batches').pluck().get())

describe('audit trail', () => {
  it('records each inserted node under the batch id that createNodes returns, one batch per call', () => {
    const first = store().nodes.createMany({ nodes: [
      { key: 'b', type: 't', label: 'Bee', properties: { legs: 6 } },
      { key: 'a', type: 't' },
    ] })
    const second = store().nodes.createMany({ nodes: [{ key: 'c', type: 'u', properties: { deep: { x: [1] } } }] })
    expect(second.batchId).not.toBe(first.batchId)
    const trail = auditTrail()
    expect(batchCount()).toBe(2)
    expect(trail.map((row) => [row.batch_id, row.entity, row.op, row.before, row.after, row.operation])).toEqual(
      expect.arrayContaining([
        [first.batchId, 'node', 'insert', null, { key: 'a', type: 't', label: 'a', properties: {} }, 'nodes.createMany'],
        [first.batchId, 'node', 'insert', null, { key: 'b', type: 't', label: 'Bee', properties: { legs: 6 } }, 'nodes.createMany'],
        [second.batchId, 'node', 'insert', null, { key: 'c', type: 'u', label: 'c', properties: { deep: { x: [1] } } }, 'nodes.createMany'],
      ]),
    )
    expect(trail).toHaveLength(3)
  })

  it('records a node update with the whole node before and after', () => {
    store().nodes.create({ key: 'n', type: 't', label: 'old', properties: { a: 1 } })
    store().nodes.update({ key: 'n', label: 'new', properties: { b: [true, null] } })
    const [insert, update] = auditTrail()
    expect(update).toMatchObject({
      entity: 'node', op: 'update', entity_id: insert?.entity_id, operation: 'nodes.update',
      before: { key: 'n', type: 't', label: 'old', properties: { a: 1 } },
      after: { key: 'n', type: 't', label: 'new', properties: { b: [true, null] } },
    })
    expect(update?.batch_id).not.toBe(insert?.batch_id)
  })

  it('records a node delete with its last state and no after', () => {
    store().nodes.create({ key: 'n', type: 't', label: 'bye', properties: { x: 'y' } })
    store().nodes.delete({ key: 'n' })
    expect(auditTrail().at(-1)).toMatchObject({
      entity: 'node', op: 'delete', operation: 'nodes.delete', before: { key: 'n', type: 't', label: 'bye', properties: { x: 'y' } }, after: null,
    })
  })

  it('records edge insert, update and delete with endpoint keys, weight and properties', () => {
    store().nodes.createMany({ nodes: [{ key: 's', type: 't' }, { key: 'd', type: 't' }] })
    const edge = store().edges.create({ source: 's', target: 'd', type: 'to', weight: 2.5, properties: { via: 'air' } })
    const many = store().edges.createMany({ edges: [{ source: 'd', target: 's', type: 'back' }] })
    store().edges.update({ id: edge.id, weight: 0.5, properties: {} })
    store().edges.delete({ id: edge.id })
    const edges = auditTrail().filter((row) => row.entity === 'edge')
    const initial = { source: 's', target: 'd', type: 'to', weight: 2.5, properties: { via: 'air' } }
    const changed = { ...initial, weight: 0.5, properties: {} }
    expect(edges.map((row) => [row.op, row.entity_id, row.before, row.after, row.operation])).toEqual([
      ['insert', edge.id, null, initial, 'edges.create'],
      ['insert', edge.id + 1, null, { source: 'd', target: 's', type: 'back', weight: 1, properties: {} }, 'edges.createMany'],
      ['update', edge.id, initial, changed, 'edges.update'],
      ['delete', edge.id, changed, null, 'edges.delete'],
    ])
    expect(edges[1]?.batch_id).toBe(many.batchId)
    expect(new Set(edges.map((row) => row.batch_id)).size).toBe(4)
  })

  it('opens exactly one batch per write call', () => {
    store().nodes.create({ key: 'x', type: 't' })
    store().nodes.createMany({ nodes: [{ key: 'y', type: 't' }, { key: 'z', type: 't' }] })
    store().nodes.update({ key: 'x', label: 'X' })
    store().edges.create({ source: 'x', target: 'y', type: 'e' })
    store().nodes.delete({ key: 'y' })
    const trail = auditTrail()
    expect(batchCount()).toBe(5)
    expect(trail.map((row) => row.operation)).toEqual([
      'nodes.create', 'nodes.createMany', 'nodes.createMany', 'nodes.update', 'edges.create', 'nodes.delete', 'nodes.delete',
    ])
  })

  it('is append-only: UPDATE and DELETE on audit fail, INSERT works', () => {
    store().nodes.create({ key: 'n', type: 't' })
    store().close()
    withRawDb(file(), (db) => {
      expect(() => db.prepare("UPDATE audit SET op = 'delete'").run()).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/)
      expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(1)
      db.prepare("INSERT INTO audit (batch_id, entity, entity_id, op) SELECT id, 'node', 1, 'update' FROM batches").run()
      expect(db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(2)
    })
  })
})
