import { rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../src/main/store/index.ts'
import type { Edge, ListedEdge, ListEdgesQuery } from '../../../src/shared/domain.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempDir, useTempStore } from '../../helpers/temp-store.ts'

const KEYS = ['n0', 'n1', 'n2', 'N0', 'ñ']
const TYPES = ['x', 'y', 'X']

const graph = fc.record({
  edges: fc.array(fc.record({ source: fc.constantFrom(...KEYS), target: fc.constantFrom(...KEYS), type: fc.constantFrom(...TYPES) }), { maxLength: 40 }),
  // Deleting some edges leaves gaps in the ids that paging must step over.
  deleteEvery: fc.integer({ min: 0, max: 4 }),
})

const query = fc.record({
  types: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
  source: fc.option(fc.constantFrom(...KEYS, 'nobody'), { nil: undefined }),
  target: fc.option(fc.constantFrom(...KEYS, 'nobody'), { nil: undefined }),
  order: fc.constantFrom('asc', 'desc'),
  limit: fc.integer({ min: 1, max: 7 }),
}) as fc.Arbitrary<Omit<ListEdgesQuery, 'cursor'>>

/** The nodes here have no labels of their own, so each endpoint's label is its key. */
function expected(edges: Edge[], q: Omit<ListEdgesQuery, 'cursor'>): ListedEdge[] {
  return edges
    .filter((e) => (!q.types?.length || q.types.includes(e.type)) && (q.source === undefined || e.source === q.source) && (q.target === undefined || e.target === q.target))
    .sort((a, b) => (q.order === 'desc' ? b.id - a.id : a.id - b.id))
    .map((e) => ({ ...e, sourceLabel: e.source, targetLabel: e.target }))
}

function walkAllPages(store: GraphStore, q: Omit<ListEdgesQuery, 'cursor'>): ListedEdge[] {
  const all: ListedEdge[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page = store.edges.list({ ...q, cursor })
    all.push(...page.items)
    if (page.nextCursor === null) {
      if (pages > 0) expect(page.items.length).toBeGreaterThan(0)
      return all
    }
    expect(page.items).toHaveLength(q.limit)
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

describe('listEdges', () => {
  const dir = useTempDir('graphkeep-list-edges-')
  let run = 0

  it('walks every page of any filter in id order, equal to an independent filter', () => {
    fc.assert(
      fc.property(graph, fc.array(query, { minLength: 1, maxLength: 6 }), ({ edges, deleteEvery }, queries) => {
        const file = join(dir(), `run-${run++}.db`)
        const store = openStore({ file })
        try {
          store.nodes.createMany({ nodes: KEYS.map((key) => ({ key, type: 'n' })) })
          let kept = edges.map((e) => store.edges.create(e))
          if (deleteEvery > 0) {
            const doomed = kept.filter((_, i) => i % deleteEvery === 0)
            for (const edge of doomed) store.edges.delete({ id: edge.id })
            kept = kept.filter((edge) => !doomed.includes(edge))
          }
          for (const q of queries) expect(walkAllPages(store, q)).toEqual(expected(kept, q))
        } finally {
          store.close()
          rmSync(file, { force: true })
        }
      }),
      propertyRun('listEdges paging', 40),
    )
  })
})

describe('listEdges examples', () => {
  const { store } = useTempStore()

  it('lists by source and target key and type, both orders, with the endpoints\' labels', () => {
    store().nodes.createMany({ nodes: [{ key: 'a', type: 't', label: 'Ann' }, { key: 'b', type: 't', label: 'Bo' }, { key: 'c', type: 't', label: 'Cy' }] })
    const labels: Record<string, string> = { a: 'Ann', b: 'Bo', c: 'Cy' }
    const listed = (edge: Edge) => ({ ...edge, sourceLabel: labels[edge.source], targetLabel: labels[edge.target] })
    const [ab, ac, ba, ab2] = [
      store().edges.create({ source: 'a', target: 'b', type: 'knows' }),
      store().edges.create({ source: 'a', target: 'c', type: 'owns' }),
      store().edges.create({ source: 'b', target: 'a', type: 'knows' }),
      store().edges.create({ source: 'a', target: 'b', type: 'owns' }),
    ].map(listed)
    expect(store().edges.list({ source: 'a', order: 'asc', limit: 10 }).items).toEqual([ab, ac, ab2])
    expect(store().edges.list({ target: 'b', order: 'desc', limit: 10 }).items).toEqual([ab2, ab])
    expect(store().edges.list({ types: ['knows'], order: 'asc', limit: 10 }).items).toEqual([ab, ba])
    expect(store().edges.list({ source: 'a', target: 'b', types: ['owns'], order: 'asc', limit: 10 }).items).toEqual([ab2])
    expect(store().edges.list({ source: 'nobody', order: 'asc', limit: 10 })).toEqual({ items: [], nextCursor: null })
  })

  it('refuses a garbage cursor with VALIDATION', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const cursor of ['###', encode({ id: 1 }), encode([1, 2]), encode([null]), encode([])]) {
      thrownBy(() => store().edges.list({ order: 'asc', limit: 5, cursor }), 'VALIDATION')
    }
  })
})
