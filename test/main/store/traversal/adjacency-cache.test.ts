import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../src/main/store/db.ts'
import { addEdgeTypes } from '../../../../src/main/store/repos/edge-types.ts'
import type { Adjacency } from '../../../../src/main/store/graph/adjacency.ts'
import { adjacencyOf, cacheCounters, INCREMENTAL_LIMIT } from '../../../../src/main/store/graph/cache.ts'
import { useTempDir } from '../../../helpers/temp-store.ts'

// The cache on a raw connection: writes here bypass the store's services on purpose, the way the
// bulk importer or a cascade may, to show what the cache relies on and what it does not.
const dir = useTempDir('graphkeep-adjacency-')
let db: Db
beforeEach(() => {
  db = openDatabase(join(dir(), 'graph.db'))
})
afterEach(() => db.close())

const batch = (operation: string) => Number(db.prepare('INSERT INTO batches (at, operation) VALUES (0, ?)').run(operation).lastInsertRowid)
const addNodes = (count: number) => {
  const insert = db.prepare("INSERT INTO nodes (key, type, label, created_at) VALUES (?, 't', 'x', 0)")
  for (let i = 0; i < count; i++) insert.run(`k${db.prepare('SELECT count(*) FROM nodes').pluck().get()}`)
}
const addEdge = (source: number, target: number, type = 'e', audit?: number) => {
  addEdgeTypes(db, [type])
  const id = Number(db.prepare('INSERT INTO edges (source, target, type, type_code, created_at) VALUES (?, ?, ?, (SELECT code FROM edge_types WHERE name = ?), 0)').run(source, target, type, type).lastInsertRowid)
  if (audit !== undefined) db.prepare("INSERT INTO audit (batch_id, entity, entity_id, op) VALUES (?, 'edge', ?, 'insert')").run(audit, id)
  return id
}
const outOf = (adjacency: Adjacency, node: number) => {
  const seen: number[] = []
  adjacency.forEach(node, 'out', null, (neighbour) => seen.push(neighbour))
  return seen.sort((a, b) => a - b)
}

describe('the adjacency cache', () => {
  it('is built once, then answers from memory while nothing is written', () => {
    addNodes(3)
    addEdge(1, 2)
    const builds = cacheCounters.builds
    const first = adjacencyOf(db)
    expect(adjacencyOf(db)).toBe(first)
    expect(cacheCounters.builds).toBe(builds + 1)
    expect(outOf(first, 1)).toEqual([2])
  })

  it('rebuilds after an import batch, which names no rows in the audit trail', () => {
    addNodes(3)
    const before = adjacencyOf(db)
    expect(outOf(before, 1)).toEqual([])
    db.transaction(() => {
      batch('import')
      addEdge(1, 3)
    })()
    const builds = cacheCounters.builds
    expect(outOf(adjacencyOf(db), 1)).toEqual([3])
    expect(cacheCounters.builds).toBe(builds + 1)
  })

  it('applies a small audited batch in place, and rebuilds after one larger than the incremental limit', () => {
    addNodes(4)
    adjacencyOf(db)
    const builds = cacheCounters.builds
    db.transaction(() => addEdge(1, 2, 'e', batch('edges.create')))()
    expect(outOf(adjacencyOf(db), 1)).toEqual([2])
    expect(cacheCounters.builds).toBe(builds)
    db.transaction(() => {
      const id = batch('edges.createMany')
      for (let i = 0; i <= INCREMENTAL_LIMIT; i++) addEdge(3, 4, 'bulk', id)
    })()
    expect(outOf(adjacencyOf(db), 3)).toHaveLength(INCREMENTAL_LIMIT + 1)
    expect(cacheCounters.builds).toBe(builds + 1)
  })

  it('drops every edge of a deleted node even when only the node delete was audited', () => {
    addNodes(3)
    addEdge(1, 2)
    addEdge(3, 1)
    const adjacency = adjacencyOf(db)
    expect(outOf(adjacency, 3)).toEqual([1])
    db.transaction(() => {
      const id = batch('nodes.delete')
      db.prepare("INSERT INTO audit (batch_id, entity, entity_id, op) VALUES (?, 'node', 1, 'delete')").run(id)
      db.prepare('DELETE FROM nodes WHERE id = 1').run()
    })()
    const after = adjacencyOf(db)
    expect(outOf(after, 3)).toEqual([])
    expect(outOf(after, 1)).toEqual([])
    expect(after.edgeCount).toBe(0)
  })

  it('sees a reused edge id as the new edge', () => {
    addNodes(3)
    const id = addEdge(1, 2, 'old')
    adjacencyOf(db)
    db.transaction(() => {
      const b = batch('edges.delete')
      db.prepare("INSERT INTO audit (batch_id, entity, entity_id, op) VALUES (?, 'edge', ?, 'delete')").run(b, id)
      db.prepare('DELETE FROM edges WHERE id = ?').run(id)
      expect(addEdge(3, 2, 'new', b)).toBe(id)
    })()
    const adjacency = adjacencyOf(db)
    expect(outOf(adjacency, 1)).toEqual([])
    expect(outOf(adjacency, 3)).toEqual([2])
    expect(adjacency.typeNames[adjacency.sortedSlots(3, 'out', null).type[0] as number]).toBe('new')
  })
})
