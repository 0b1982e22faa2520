import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../../src/shared/events.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { countRows, useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const events: AppEvent[] = []
const { store, file } = useTempStore({ onEvent: (event) => events.push(event) })
const state = { nodes: [{ key: 'ada', x: 10, y: 20 }], layout: 'grid' }

describe('saved views', () => {
  it('saves, reads back and lists a view', () => {
    const saved = store().views.save({ name: 'Engine people', state, nodeCount: 1 })
    expect(saved).toMatchObject({ name: 'Engine people', nodeCount: 1 })
    expect(saved.createdAt).toBe(saved.updatedAt)
    expect(store().views.get({ name: 'Engine people' })).toEqual({ ...saved, state })
    expect(store().views.list()).toEqual({ views: [saved] })
  })

  it('replaces a view of the same name in any ASCII case, keeping when it was created', async () => {
    const first = store().views.save({ name: 'Engine people', state, nodeCount: 1 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = store().views.save({ name: 'ENGINE people', state: { layout: 'circle' }, nodeCount: 7 })
    expect(second).toEqual({ name: 'ENGINE people', nodeCount: 7, createdAt: first.createdAt, updatedAt: second.updatedAt })
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt)
    expect(store().views.get({ name: 'engine PEOPLE' }).state).toEqual({ layout: 'circle' })
    expect(store().views.list().views).toHaveLength(1)
  })

  it('lists the most recently saved first', async () => {
    for (const name of ['one', 'two', 'three']) {
      store().views.save({ name, state: {}, nodeCount: 0 })
      await new Promise((resolve) => setTimeout(resolve, 3))
    }
    store().views.save({ name: 'two', state: { again: true }, nodeCount: 0 })
    expect(store().views.list().views.map((view) => view.name)).toEqual(['two', 'three', 'one'])
  })

  it('answers NOT_FOUND for an unknown view, and deleting one that is not there is false', () => {
    expect(thrownBy(() => store().views.get({ name: 'ghost' }), 'NOT_FOUND').message).toMatch(/ghost/)
    expect(store().views.delete({ name: 'ghost' }).deleted).toBe(false)
    store().views.save({ name: 'Here', state, nodeCount: 1 })
    expect(store().views.delete({ name: 'HERE' }).deleted).toBe(true)
    expect(store().views.delete({ name: 'Here' }).deleted).toBe(false)
    thrownBy(() => store().views.get({ name: 'Here' }), 'NOT_FOUND')
  })

  it('refuses a state over 5 MB with VALIDATION and keeps the view as it was', () => {
    store().views.save({ name: 'big', state, nodeCount: 1 })
    const huge = { blob: 'x'.repeat(5 * 1024 * 1024) }
    expect(thrownBy(() => store().views.save({ name: 'big', state: huge, nodeCount: 1 }), 'VALIDATION').message).toMatch(/5 MB/)
    expect(store().views.get({ name: 'big' }).state).toEqual(state)
  })

  it('audits each save and delete as a batch of its own (so it can be undone) and tells listeners that views changed', () => {
    events.length = 0
    store().views.save({ name: 'v', state, nodeCount: 1 })
    store().views.save({ name: 'V', state: { other: true }, nodeCount: 2 })
    store().views.delete({ name: 'v' })
    expect(events).toEqual([0, 1, 2].map(() => ({ type: 'dataChanged', scopes: ['views'] })))
    store().close()
    withRawDb(file(), (db) => {
      expect(countRows(db, 'batches')).toBe(3)
      const rows = db.prepare('SELECT b.operation, a.entity, a.entity_key, a.op, a.before, a.after FROM audit a JOIN batches b ON b.id = a.batch_id ORDER BY a.id').all() as { before: string | null; after: string | null }[]
      const parsed = rows.map((row) => ({ ...row, before: row.before && JSON.parse(row.before), after: row.after && JSON.parse(row.after) }))
      expect(parsed).toEqual([
        { operation: 'views.save', entity: 'view', entity_key: 'v', op: 'insert', before: null, after: { name: 'v', nodeCount: 1, state } },
        { operation: 'views.save', entity: 'view', entity_key: 'V', op: 'update', before: { name: 'v', nodeCount: 1, state }, after: { name: 'V', nodeCount: 2, state: { other: true } } },
        { operation: 'views.delete', entity: 'view', entity_key: 'V', op: 'delete', before: { name: 'V', nodeCount: 2, state: { other: true } }, after: null },
      ])
    })
  })
})
