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
    const created = store().createNode({ key: 'ada', type: 'person', label: 'Ada Lovelace', properties: nested })
    expect(created).toEqual({
      key: 'ada', type: 'person', label: 'Ada Lovelace', properties: nested,
      createdAt: expect.any(Number), updatedAt: created.createdAt,
    })
    expect(created.createdAt).toBeGreaterThanOrEqual(before)
    expect(store().getNode('ada')).toEqual(created)
  })

  it('keeps unicode labels and keys exactly', () => {
    const label = 'Zürich – 東京 – Ελλάδα – 🚀👩‍🔬 – \u0301e'
    store().createNode({ key: 'ключ/🗝', type: 'place', label })
    expect(store().getNode('ключ/🗝')).toMatchObject({ key: 'ключ/🗝', label })
  })

  it('uses the key as label and {} as properties when they are left out', () => {
    expect(store().createNode({ key: 'bare', type: 't' })).toMatchObject({ label: 'bare', properties: {} })
  })

  it('keys are case-sensitive: "A" and "a" are two nodes', () => {
    store().createNode({ key: 'A', type: 't' })
    store().createNode({ key: 'a', type: 't' })
    expect(store().getNode('A').key).toBe('A')
    expect(store().getNode('a').key).toBe('a')
  })

  it('refuses a second node with the same key as CONFLICT', () => {
    store().createNode({ key: 'dup', type: 't' })
    const error = thrownBy(() => store().createNode({ key: 'dup', type: 'other' }), 'CONFLICT')
    expect(error.message).toContain('"dup"')
    expect(store().getNode('dup').type).toBe('t')
  })

  it('updates the label alone and keeps type and properties', () => {
    const created = store().createNode({ key: 'n', type: 't', label: 'old', properties: { a: 1 } })
    const updated = store().updateNode({ key: 'n', label: 'new ✓' })
    expect(updated).toEqual({ ...created, label: 'new ✓', updatedAt: expect.any(Number) })
    expect(updated.updatedAt).toBeGreaterThanOrEqual(created.updatedAt)
    expect(store().getNode('n')).toEqual(updated)
  })

  it('replaces the properties on update instead of merging them', () => {
    store().createNode({ key: 'n', type: 't', properties: { a: 1, b: { c: 2 } } })
    expect(store().updateNode({ key: 'n', properties: { d: [1, { e: 'f' }] } }).properties).toEqual({ d: [1, { e: 'f' }] })
    expect(store().getNode('n').properties).toEqual({ d: [1, { e: 'f' }] })
    expect(store().updateNode({ key: 'n', properties: {} }).properties).toEqual({})
  })

  it('changes the type and allows an empty label', () => {
    store().createNode({ key: 'n', type: 'draft', label: 'x' })
    expect(store().updateNode({ key: 'n', type: 'final', label: '' })).toMatchObject({ type: 'final', label: '' })
  })

  it('answers NOT_FOUND with the key for get and update of a missing node', () => {
    expect(thrownBy(() => store().getNode('ghost'), 'NOT_FOUND').details).toEqual({ key: 'ghost' })
    expect(thrownBy(() => store().updateNode({ key: 'ghost', label: 'x' }), 'NOT_FOUND').details).toEqual({ key: 'ghost' })
    expect(store().stats().nodeCount).toBe(0)
  })

  it('deletes a node once: true, then NOT_FOUND on get and false on a second delete', () => {
    store().createNode({ key: 'gone', type: 't' })
    store().createNode({ key: 'stays', type: 't' })
    expect(store().deleteNode('gone')).toBe(true)
    thrownBy(() => store().getNode('gone'), 'NOT_FOUND')
    expect(store().deleteNode('gone')).toBe(false)
    expect(store().getNode('stays').key).toBe('stays')
  })

  it('can create a node again under a deleted key', () => {
    store().createNode({ key: 'k', type: 'first' })
    store().deleteNode('k')
    expect(store().createNode({ key: 'k', type: 'second' }).type).toBe('second')
  })

  it('reads the same nodes after close and reopen', () => {
    store().createNodes([
      { key: 'x', type: 't', label: 'Ξ', properties: nested },
      { key: 'y', type: 'u' },
    ])
    const before = [store().getNode('x'), store().getNode('y')]
    const file = store().file
    store().close()
    const again = openStore({ file })
    try {
      expect([again.getNode('x'), again.getNode('y')]).toEqual(before)
    } finally {
      again.close()
    }
  })
})
