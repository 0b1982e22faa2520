import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/index.ts'
import type { NewEdge, NewNode } from '../../../src/shared/domain.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { countRows, useTempDir, withRawDb } from '../../helpers/temp-store.ts'

const dir = useTempDir('graphkeep-batch-')
const file = () => join(dir(), 'graph.db')

/** Everything a batch could have written, read from the closed file. */
const footprint = () =>
  withRawDb(file(), (db) => ({
    nodes: countRows(db, 'nodes'),
    edges: countRows(db, 'edges'),
    batches: countRows(db, 'batches'),
    audit: countRows(db, 'audit'),
    ftsRows: countRows(db, 'nodes_fts'),
    ftsBatchWord: db.prepare("SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH 'zebrafish'").pluck().get(),
  }))

const batchOf = (n: number, prefix: string): NewNode[] =>
  Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, type: 'fish', label: `zebrafish ${i}`, properties: { note: `zebrafish note ${i}` } }))

/** A store holding a few nodes and edges that the failing batches must leave as they are. */
function seed() {
  const store = openStore({ file: file() })
  store.nodes.createMany({ nodes: [
    { key: 'taken', type: 't', label: 'already here' },
    { key: 'other', type: 't', label: 'also here' },
  ] })
  store.edges.create({ source: 'taken', target: 'other', type: 'links' })
  store.close()
}

/** Runs `fail` on the open store and checks that the file holds exactly what it held before. */
function expectNothingWritten(fail: (store: ReturnType<typeof openStore>) => void) {
  seed()
  const before = footprint()
  expect(before).toMatchObject({ nodes: 2, edges: 1, batches: 2, audit: 3, ftsRows: 2, ftsBatchWord: 0 })
  const store = openStore({ file: file() })
  try {
    fail(store)
    expect(store.store.stats()).toMatchObject({ nodeCount: 2, edgeCount: 1 })
  } finally {
    store.close()
  }
  expect(footprint()).toEqual(before)
}

describe('batch writes are all or nothing', () => {
  it('createNodes of 1,000 with a taken key at row 537: CONFLICT naming nodes[537], nothing written', () => {
    expectNothingWritten((store) => {
      const nodes = batchOf(1000, 'fish-')
      nodes[537] = { key: 'taken', type: 'fish', label: 'zebrafish clash' }
      const error = thrownBy(() => store.nodes.createMany({ nodes: nodes }), 'CONFLICT')
      expect(error.message).toContain('nodes[537]')
      expect(error.message).toContain('"taken"')
      expect(error.details).toMatchObject({ index: 537, key: 'taken' })
      expect(store.nodes.get({ key: 'taken' }).label).toBe('already here')
    })
  })

  it('createNodes of 1,000 with a key repeated inside the batch: CONFLICT at its second place, nothing written', () => {
    expectNothingWritten((store) => {
      const nodes = batchOf(1000, 'fish-')
      nodes[537] = { key: 'fish-12', type: 'fish', label: 'zebrafish twin' }
      const error = thrownBy(() => store.nodes.createMany({ nodes: nodes }), 'CONFLICT')
      expect(error.message).toContain('nodes[537]')
      expect(error.message).toContain('"fish-12"')
      expect(error.details).toMatchObject({ index: 537, key: 'fish-12' })
    })
  })

  it('createEdges of 1,000 with one edge to a missing node: NOT_FOUND naming edges[i] and the key, nothing written', () => {
    expectNothingWritten((store) => {
      const edges: NewEdge[] = Array.from({ length: 1000 }, (_, i) => ({
        source: i % 2 ? 'taken' : 'other', target: i % 3 ? 'other' : 'taken', type: `t${i % 7}`,
      }))
      edges[731] = { source: 'taken', target: 'missing-node', type: 't1' }
      const error = thrownBy(() => store.edges.createMany({ edges: edges }), 'NOT_FOUND')
      expect(error.message).toContain('edges[731]')
      expect(error.message).toContain('"missing-node"')
      expect(error.details).toMatchObject({ index: 731, key: 'missing-node', end: 'target' })
    })
  })

  it('names the first of several bad edges, also when the source is the missing end', () => {
    expectNothingWritten((store) => {
      const edges: NewEdge[] = Array.from({ length: 50 }, () => ({ source: 'taken', target: 'other', type: 'ok' }))
      edges[40] = { source: 'late', target: 'other', type: 'ok' }
      edges[9] = { source: 'early', target: 'other', type: 'ok' }
      const error = thrownBy(() => store.edges.createMany({ edges: edges }), 'NOT_FOUND')
      expect(error.message).toContain('edges[9]')
      expect(error.details).toMatchObject({ index: 9, key: 'early', end: 'source' })
    })
  })

  it('a good batch of 1,000 writes all its rows, one batch row, one audit row and one text row each', () => {
    seed()
    const before = footprint()
    const store = openStore({ file: file() })
    const result = store.nodes.createMany({ nodes: batchOf(1000, 'fish-') })
    store.close()
    expect(result.count).toBe(1000)
    expect(footprint()).toEqual({
      nodes: before.nodes + 1000, edges: before.edges, batches: before.batches + 1,
      audit: before.audit + 1000, ftsRows: before.ftsRows + 1000, ftsBatchWord: 1000,
    })
  })
})
