import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/store/db.ts'
import { openStore } from '../../../../src/main/store/index.ts'
import { edgesAtNode } from '../../../../src/main/store/repos/adjacency.ts'
import { countEdgesByType } from '../../../../src/main/store/repos/edges.ts'
import { listEdgeRows } from '../../../../src/main/store/repos/list-edges.ts'
import { listNodeRows } from '../../../../src/main/store/repos/list-nodes.ts'
import { neighbourRows } from '../../../../src/main/store/repos/neighbours.ts'
import { countNodesByType, nodeTupleByKey } from '../../../../src/main/store/repos/nodes.ts'
import { exactLabelRows } from '../../../../src/main/store/repos/search.ts'
import { listEdgesInput, listNodesInput } from '../../../../src/shared/domain.ts'

// The everyday reads each seek or walk an index in the order they return rows: a plan that scans
// a table or sorts (TEMP B-TREE) would make them cost in proportion to the store, not the page.

const dir = mkdtempSync(join(tmpdir(), 'graphkeep-plans-'))
const file = join(dir, 'plans.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The query plan of every statement `read` runs, each as one line of its steps. */
function plansOf(db: Db, read: (db: Db) => unknown): string[] {
  const ran: [string, unknown[]][] = []
  const watch = (sql: string, prepared: Database.Statement): Database.Statement =>
    new Proxy(prepared, {
      get(target, name) {
        const value = Reflect.get(target, name) as unknown
        if (typeof value !== 'function') return value
        if (['all', 'get', 'iterate', 'run'].includes(name as string)) {
          return (...args: unknown[]) => {
            ran.push([sql, args])
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        // raw(), pluck() and the like return the statement itself: keep watching it.
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args)
          return result === target ? watch(sql, target) : result
        }
      },
    })
  const watched = new Proxy(db, {
    get(target, name) {
      if (name === 'prepare') return (sql: string) => watch(sql, target.prepare(sql))
      const value = Reflect.get(target, name) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  read(watched)
  expect(ran.length, 'the read ran a statement').toBeGreaterThan(0)
  return ran.map(([sql, args]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join(' | '),
  )
}

const TYPES = ['cites', 'knows', 'mentions']

beforeAll(() => {
  const store = openStore({ file, name: 'plans' })
  store.nodes.createMany({ nodes: Array.from({ length: 400 }, (_, i) => ({ key: `n${i}`, type: i % 3 ? 'person' : 'place', label: `Label ${i % 50}` })) })
  // n0 is a hub in both directions.
  const edges = Array.from({ length: 1600 }, (_, i) => ({
    source: i % 4 === 0 ? 'n0' : `n${(i * 7) % 400}`,
    target: i % 5 === 0 ? 'n0' : `n${(i * 13) % 400}`,
    type: TYPES[i % 3] as string,
  }))
  store.edges.createMany({ edges })
  store.close()
})

/** Each case with and without the planner's statistics (a store analysed at close, or not yet). */
describe.each([['without statistics', false], ['after ANALYZE', true]])('everyday reads use an index, %s', (_, analysed) => {
  let db: Db
  beforeAll(() => {
    db = new Database(file)
    db.exec(analysed ? 'ANALYZE' : 'DROP TABLE IF EXISTS sqlite_stat1')
    return () => db.close()
  })

  it('get by key seeks the key index', () => {
    expect(plansOf(db, (d) => nodeTupleByKey(d, 'n5'))).toEqual([expect.stringMatching(/SEARCH nodes USING INDEX sqlite_autoindex_nodes_1 \(key=\?\)/)])
  })

  it.each([['out', 'edges_out', 'source'], ['in', 'edges_in', 'target']] as const)('a neighbours page (%s) walks %s in page order, with and without types and a cursor', (step, index, end) => {
    const pages = [
      (d: Db) => neighbourRows(d, 1, step, { edgeTypes: undefined, text: '' }, null, 50),
      (d: Db) => neighbourRows(d, 1, step, { edgeTypes: ['knows'], text: '' }, { type: 'knows', other: 200, edge: 900 }, 50),
      (d: Db) => neighbourRows(d, 1, step, { edgeTypes: ['knows', 'mentions'], text: '' }, { type: 'knows', other: 200, edge: 900 }, 50),
      // A cursor naming a type the store does not know (between two it does) still seeks.
      (d: Db) => neighbourRows(d, 1, step, { edgeTypes: undefined, text: '' }, { type: 'kz', other: 200, edge: 900 }, 50),
    ]
    // A page with a cursor reads the cursor's type code first (a few rows of edge_types), then the page.
    const pageOf = (read: (d: Db) => unknown) => plansOf(db, read).find((plan) => plan.includes(' e USING ')) ?? ''
    for (const page of pages) {
      const plan = pageOf(page)
      expect(plan).toMatch(new RegExp(`SEARCH e USING (COVERING )?INDEX ${index} \\(${end}=\\?`))
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
    // Since migration 14 the index holds type codes: a cursor without a type filter seeks (node, code, other end) in it.
    expect(plansOf(db, pages[3] as (d: Db) => unknown)).toContainEqual(expect.stringMatching(/^SEARCH edge_types/))
    expect(pageOf(pages[3] as (d: Db) => unknown)).toMatch(new RegExp(`${index} \\(${end}=\\? AND \\(type_code,`))
  })

  it.each([['out', 'edges_out'], ['in', 'edges_in']] as const)('the SQL traversal fallback (%s) reads only %s', (step, index) => {
    const [plan] = plansOf(db, (d) => edgesAtNode(d, 1, step))
    expect(plan).toMatch(new RegExp(`SEARCH edges USING INDEX ${index}`))
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })

  it('edges.list by type walks edges_by_type in id order; counts by type read only that index', () => {
    const [list] = plansOf(db, (d) => listEdgeRows(d, listEdgesInput.parse({ types: ['knows'], limit: 50 })))
    expect(list).toMatch(/SEARCH e USING (COVERING )?INDEX edges_by_type \(type_code=\?/)
    expect(list).not.toMatch(/TEMP B-TREE/)
    const [twoTypes] = plansOf(db, (d) => listEdgeRows(d, listEdgesInput.parse({ types: ['knows', 'mentions'], limit: 50 })))
    // Two types: the table in id order, filtered, as with the type text before migration 14 (no sort either way).
    expect(twoTypes).not.toMatch(/TEMP B-TREE/)
    expect(plansOf(db, countEdgesByType)).toEqual([expect.stringMatching(/SCAN e USING COVERING INDEX edges_by_type/)])
    expect(plansOf(db, countNodesByType)).toEqual([expect.stringMatching(/SCAN nodes USING COVERING INDEX nodes_by_type_label/)])
  })

  it('label-ordered node lists walk nodes_by_label, or nodes_by_type_label for one type or the type order', () => {
    const cases = [
      [{ sort: 'label' }, /SCAN n USING INDEX nodes_by_label/],
      [{ sort: 'label', cursor: Buffer.from(JSON.stringify(['Label 3', 10])).toString('base64url') }, /SEARCH n USING INDEX nodes_by_label \(label>\?\)/],
      [{ sort: 'label', types: ['person'] }, /SEARCH n USING INDEX nodes_by_type_label \(type=\?\)/],
      [{ sort: 'type' }, /SCAN n USING INDEX nodes_by_type_label/],
      [{ sort: 'label', labelPrefix: 'Label 1' }, /SEARCH n USING INDEX nodes_by_label \(label>\? AND label<\?\)/],
    ] as const
    for (const [input, index] of cases) {
      const [plan] = plansOf(db, (d) => listNodeRows(d, listNodesInput.parse({ limit: 50, ...input })))
      expect(plan, JSON.stringify(input)).toMatch(index)
      expect(plan, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('exact-label search seeks nodes_by_label', () => {
    const [plan] = plansOf(db, (d) => exactLabelRows(d, 'label 7', {}, 0, 20))
    expect(plan).toMatch(/SEARCH n USING INDEX nodes_by_label \(label=\?/)
  })
})
