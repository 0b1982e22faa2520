import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../src/main/store/index.ts'
import { useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-fts-')
const file = () => join(dir(), 'graph.db')

function withStore(work: (store: GraphStore) => void) {
  const store = openStore({ file: file() })
  try {
    work(store)
  } finally {
    store.close()
  }
}

/** The keys of the nodes whose full-text rows match `query`, read from the closed file. */
const matching = (query: string) =>
  withRawDb(file(), (db) =>
    db.prepare('SELECT n.key FROM nodes_fts f JOIN nodes n ON n.id = f.rowid WHERE nodes_fts MATCH ? ORDER BY n.key').pluck().all(query),
  )

const ftsRowCount = () => withRawDb(file(), (db) => db.prepare('SELECT count(*) FROM nodes_fts').pluck().get())

describe('full-text rows follow the writes', () => {
  it('indexes labels and top-level string properties, nothing else', () => {
    withStore((store) => {
      store.nodes.createMany({ nodes: [
        { key: 'label', type: 't', label: 'Red fox' },
        { key: 'prop', type: 't', label: 'Reynard', properties: { description: 'a quick fox', size: 3 } },
        { key: 'nested', type: 't', label: 'N', properties: { inner: { text: 'fox' } } },
        { key: 'array', type: 't', label: 'A', properties: { tags: ['fox'] } },
        { key: 'fox', type: 't', label: 'key only' },
        { key: 'plural', type: 't', label: 'FOXES' },
      ] })
      store.nodes.create({ key: 'single', type: 't', label: 'Zürich', properties: { motto: 'Fox Trot' } })
    })
    expect(matching('fox')).toEqual(['label', 'prop', 'single'])
    expect(matching('zurich')).toEqual(['single'])
    expect(matching('foxes')).toEqual(['plural'])
    expect(matching('quick')).toEqual(['prop'])
    expect(ftsRowCount()).toBe(7)
  })

  it('moves a node in and out of the matches when its label or properties change', () => {
    withStore((store) => {
      store.nodes.createMany({ nodes: [
        { key: 'a', type: 't', label: 'Red fox' },
        { key: 'b', type: 't', label: 'Plain', properties: { deep: { note: 'fox' } } },
        { key: 'c', type: 't', label: 'Owl', properties: { note: 'hunts the fox' } },
      ] })
    })
    expect(matching('fox')).toEqual(['a', 'c'])
    withStore((store) => {
      store.nodes.update({ key: 'a', label: 'Red dog' })
      store.nodes.update({ key: 'b', properties: { note: 'now a fox' } })
      store.nodes.update({ key: 'c', type: 'bird' })
    })
    expect(matching('fox')).toEqual(['b', 'c'])
    expect(matching('dog')).toEqual(['a'])
    expect(matching('red')).toEqual(['a'])
    withStore((store) => store.nodes.update({ key: 'c', properties: {} }))
    expect(matching('fox')).toEqual(['b'])
    expect(matching('hunts')).toEqual([])
    expect(ftsRowCount()).toBe(3)
  })

  it('drops the rows of deleted nodes, and indexes a new node that reuses the id', () => {
    withStore((store) => {
      store.nodes.createMany({ nodes: [
        { key: 'a', type: 't', label: 'fox one' },
        { key: 'b', type: 't', label: 'fox two' },
      ] })
      store.edges.create({ source: 'a', target: 'b', type: 'e' })
      store.nodes.delete({ key: 'b' })
    })
    expect(matching('fox')).toEqual(['a'])
    expect(matching('two')).toEqual([])
    expect(ftsRowCount()).toBe(1)
    withStore((store) => store.nodes.create({ key: 'c', type: 't', label: 'badger' }))
    expect(matching('two')).toEqual([])
    expect(matching('badger')).toEqual(['c'])
    expect(ftsRowCount()).toBe(2)
  })
})
