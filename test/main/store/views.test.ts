import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../../src/shared/events.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { countRows, useTempStore, withRawDb } from '../../helpers/temp-store.ts'

const events: AppEvent[] = []
const { store, file } = useTempStore({ onEvent: (event) => events.push(event) })
const state = { nodes: [{ key: 'ada', x: 10, y: 20 }], layout: 'grid' }

describe('saved views', () => {
  it('saves, reads back and lists a view', () => {
    const saved = store().saveView({ name: 'Engine people', state, nodeCount: 1 })
    expect(saved).toMatchObject({ name: 'Engine people', nodeCount: 1 })
    expect(saved.createdAt).toBe(saved.updatedAt)
    expect(store().getView('Engine people')).toEqual({ ...saved, state })
    expect(store().listViews()).toEqual({ views: [saved] })
  })

  it('replaces a view of the same name in any ASCII case, keeping when it was created', async () => {
    const first = store().saveView({ name: 'Engine people', state, nodeCount: 1 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = store().saveView({ name: 'ENGINE people', state: { layout: 'circle' }, nodeCount: 7 })
    expect(second).toEqual({ name: 'ENGINE people', nodeCount: 7, createdAt: first.createdAt, updatedAt: second.updatedAt })
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt)
    expect(store().getView('engine PEOPLE').state).toEqual({ layout: 'circle' })
    expect(store().listViews().views).toHaveLength(1)
  })

  it('lists the most recently saved first', async () => {
    for (const name of ['one', 'two', 'three']) {
      store().saveView({ name, state: {}, nodeCount: 0 })
      await new Promise((resolve) => setTimeout(resolve, 3))
    }
    store().saveView({ name: 'two', state: { again: true }, nodeCount: 0 })
    expect(store().listViews().views.map((view) => view.name)).toEqual(['two', 'three', 'one'])
  })

  it('answers NOT_FOUND for an unknown view, and deleting one that is not there is false', () => {
    expect(thrownBy(() => store().getView('ghost'), 'NOT_FOUND').message).toMatch(/ghost/)
    expect(store().deleteView('ghost')).toBe(false)
    store().saveView({ name: 'Here', state, nodeCount: 1 })
    expect(store().deleteView('HERE')).toBe(true)
    expect(store().deleteView('Here')).toBe(false)
    thrownBy(() => store().getView('Here'), 'NOT_FOUND')
  })

  it('refuses a state over 5 MB with VALIDATION and keeps the view as it was', () => {
    store().saveView({ name: 'big', state, nodeCount: 1 })
    const huge = { blob: 'x'.repeat(5 * 1024 * 1024) }
    expect(thrownBy(() => store().saveView({ name: 'big', state: huge, nodeCount: 1 }), 'VALIDATION').message).toMatch(/5 MB/)
    expect(store().getView('big').state).toEqual(state)
  })

  it('writes no audit batch and tells listeners that views changed', () => {
    events.length = 0
    store().saveView({ name: 'v', state, nodeCount: 1 })
    store().deleteView('v')
    expect(events).toEqual([{ type: 'dataChanged', scopes: ['views'] }, { type: 'dataChanged', scopes: ['views'] }])
    store().close()
    withRawDb(file(), (db) => {
      expect(countRows(db, 'batches')).toBe(0)
      expect(countRows(db, 'audit')).toBe(0)
    })
  })
})
