import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import type { JsonObject } from '../../../src/shared/json.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

const nested: JsonObject = {
  name: 'Ada',
  born: 1815,
  ratio: 0.1,
  tiny: 1e-7,
  big: 12345678901234,
  negative: -42.5,
  alive: false,
  nothing: null,
  tags: ['math', 'poetry', { deep: [1, [2, [3]]] }],
  address: { city: 'Zürich', geo: { lat: 47.37, lon: 8.54 }, empty: {}, none: [] },
  'key with spaces': 'ok',
  emoji: '🚀 東京 Ελλάδα',
}

describe('nodes: create, get, update, delete', () => {
  it('creates a node and reads it back with nested JSON properties intact', () => {
    const before = Date.now()
    const created = store().nodes.create({ key: 'ada', type: 'person', label: 'Ada Lovelace', properties: nested })
    expect(created).toEqual({
      key: 'ada', type: 'person', label: 'Ada Lovelace', properties: nested,
      createdAt: expect.any(Number), updatedAt: created.createdAt,
    })
    expect(created.createdAt).toBeGreaterThanOrEqual(before)
    expect(store().nodes.get({ key: 'ada' })).toEqual(created)
  })

  it('keeps unicode labels and keys exactly', () => {
    const label = 'Zürich – 東京 – Ελλάδα – 🚀👩‍🔬 – \u0301e'
    store().nodes.create({ key: 'ключ/🗝', type: 'place', label })
    expect(store().nodes.get({ key: 'ключ/🗝' })).toMatchObject({ key: 'ключ/🗝', label })
  })

  it('uses the key as label and {} as properties when they are left out', () => {
    expect(store().nodes.create({ key: 'bare', type: 't' })).toMatchObject({ label: 'bare', properties: {} })
  })

  it('keys are case-sensitive: "A" and "a" are two nodes', () => {
    store().nodes.create({ key: 'A', type: 't' })
    store().nodes.create({ key: 'a', type: 't' })
    expect(store().nodes.get({ key: 'A' }).key).toBe('A')
    expect(store().nodes.get({ key: 'a' }).key).toBe('a')
  })

  it('refuses a second node with the same key as CONFLICT', () => {
    store().nodes.create({ key: 'dup', type: 't' })
    const error = thrownBy(() => store().nodes.create({ key: 'dup', type: 'other' }), 'CONFLICT')
    expect(error.message).toContain('"dup"')
    expect(store().nodes.get({ key: 'dup' }).type).toBe('t')
  })

  it('updates the label alone and keeps type and properties', () => {
    const created = store().nodes.create({ key: 'n', type: 't', label: 'old', properties: { a: 1 } })
    const updated = store().nodes.update({ key: 'n', label: 'new ✓' })
    expect(updated).toEqual({ ...created, label: 'new ✓', updatedAt: expect.any(Number) })
    expect(updated.updatedAt).toBeGreaterThanOrEqual(created.updatedAt)
    expect(store().nodes.get({ key: 'n' })).toEqual(updated)
  })

  it('replaces the properties on update instead of merging them', () => {
    store().nodes.create({ key: 'n', type: 't', properties: { a: 1, b: { c: 2 } } })
    expect(store().nodes.update({ key: 'n', properties: { d: [1, { e: 'f' }] } }).properties).toEqual({ d: [1, { e: 'f' }] })
    expect(store().nodes.get({ key: 'n' }).properties).toEqual({ d: [1, { e: 'f' }] })
    expect(store().nodes.update({ key: 'n', properties: {} }).properties).toEqual({})
  })

  it('changes the type and allows an empty label', () => {
    store().nodes.create({ key: 'n', type: 'draft', label: 'x' })
    expect(store().nodes.update({ key: 'n', type: 'final', label: '' })).toMatchObject({ type: 'final', label: '' })
  })

  it('answers NOT_FOUND with the key for get and update of a missing node', () => {
    expect(thrownBy(() => store().nodes.get({ key: 'ghost' }), 'NOT_FOUND').details).toEqual({ key: 'ghost' })
    expect(thrownBy(() => store().nodes.update({ key: 'ghost', label: 'x' }), 'NOT_FOUND').details).toEqual({ key: 'ghost' })
    expect(store().store.stats().nodeCount).toBe(0)
  })

  it('deletes a node once: true, then NOT_FOUND on get and false on a second delete', () => {
    store().nodes.create({ key: 'gone', type: 't' })
    store().nodes.create({ key: 'stays', type: 't' })
    expect(store().nodes.delete({ key: 'gone' }).deleted).toBe(true)
    thrownBy(() => store().nodes.get({ key: 'gone' }), 'NOT_FOUND')
    expect(store().nodes.delete({ key: 'gone' }).deleted).toBe(false)
    expect(store().nodes.get({ key: 'stays' }).key).toBe('stays')
  })

  it('can create a node again under a deleted key', () => {
    store().nodes.create({ key: 'k', type: 'first' })
    store().nodes.delete({ key: 'k' })
    expect(store().nodes.create({ key: 'k', type: 'second' }).type).toBe('second')
  })

  it('reads the same nodes after close and reopen', () => {
    store().nodes.createMany({ nodes: [
      { key: 'x', type: 't', label: 'Ξ', properties: nested },
      { key: 'y', type: 'u' },
    ] })
    const before = [store().nodes.get({ key: 'x' }), store().nodes.get({ key: 'y' })]
    const file = store().file
    store().close()
    const again = openStore({ file })
    try {
      expect([again.nodes.get({ key: 'x' }), again.nodes.get({ key: 'y' })]).toEqual(before)
    } finally {
      again.close()
    }
  })
})
