import { describe, expect, it } from 'vitest'
import type { GraphStore } from '../../../src/main/store/index.ts'
import type { Neighbour, NeighboursInput } from '../../../src/shared/domain.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

const HUB_IN = 30_000
const OTHER = 25
const BATCH = 10_000

/**
 * A hub cited by 30,000 papers; it mentions 25 nodes and is mentioned by 25 (the same "mentions"
 * type both ways) and has 3 authors. Every 7th paper's label holds "Graph".
 */
function hubGraph(s: GraphStore) {
  s.nodes.create({ key: 'hub', type: 'paper', label: 'The Hub' })
  const papers = Array.from({ length: HUB_IN }, (_, i) => ({ key: `p${i}`, type: 'paper', label: i % 7 === 0 ? `Graph study ${i}` : `Paper ${i}` }))
  for (let i = 0; i < papers.length; i += BATCH) s.nodes.createMany({ nodes: papers.slice(i, i + BATCH) })
  s.nodes.createMany({ nodes: Array.from({ length: OTHER * 2 + 3 }, (_, i) => ({ key: `o${i}`, type: 'other', label: `Other ${i}` })) })
  const cites = papers.map((p) => ({ source: p.key, target: 'hub', type: 'cites' }))
  for (let i = 0; i < cites.length; i += BATCH) s.edges.createMany({ edges: cites.slice(i, i + BATCH) })
  s.edges.createMany({ edges: [
    ...Array.from({ length: OTHER }, (_, i) => ({ source: 'hub', target: `o${i}`, type: 'mentions' })),
    ...Array.from({ length: OTHER }, (_, i) => ({ source: `o${OTHER + i}`, target: 'hub', type: 'mentions' })),
    ...Array.from({ length: 3 }, (_, i) => ({ source: 'hub', target: `o${OTHER * 2 + i}`, type: 'authored_by' })),
  ] })
}

/** Every page of a listing, following nextCursor; checks `total` and `omitted` on the way. */
function allPages(s: GraphStore, input: NeighboursInput & { limit: number }): { items: Neighbour[]; pages: number } {
  const items: Neighbour[] = []
  let cursor: string | undefined
  let pages = 0
  let total: number | undefined
  for (;;) {
    const page = s.nodes.neighbours({ direction: 'both', ...input, ...(cursor ? { cursor } : {}) })
    pages++
    total ??= page.total
    expect(page.total).toBe(total)
    items.push(...page.items)
    expect(page.omitted).toBe(total - items.length)
    expect(page.truncated).toBe(page.omitted > 0)
    if (page.nextCursor === null) break
    expect(page.items).toHaveLength(input.limit)
    cursor = page.nextCursor
  }
  expect(items).toHaveLength(total ?? 0)
  return { items, pages }
}

const expectEachEdgeOnce = (items: Neighbour[]) => expect(new Set(items.map((n) => n.edge.id)).size).toBe(items.length)

describe('a hub of 30,000 edges', () => {
  it('counts every type and direction exactly and pages each group to its end, each edge once', () => {
    hubGraph(store())
    expect(store().graph.neighbourTypes({ key: 'hub' }).types).toEqual([
      { type: 'authored_by', direction: 'out', count: 3 },
      { type: 'mentions', direction: 'out', count: OTHER },
      { type: 'cites', direction: 'in', count: HUB_IN },
      { type: 'mentions', direction: 'in', count: OTHER },
    ])

    const started = performance.now()
    const cites = allPages(store(), { key: 'hub', direction: 'in', edgeTypes: ['cites'], limit: 1000 })
    const perPage = (performance.now() - started) / cites.pages
    console.log(`paged ${cites.items.length} cites edges in ${cites.pages} pages, ${perPage.toFixed(1)} ms a page`)
    expect(cites.pages).toBe(HUB_IN / 1000)
    expectEachEdgeOnce(cites.items)
    expect(new Set(cites.items.map((n) => n.node.key))).toEqual(new Set(Array.from({ length: HUB_IN }, (_, i) => `p${i}`)))
    expect(cites.items.every((n) => n.direction === 'in' && n.edge.target === 'hub' && n.edge.type === 'cites')).toBe(true)

    const mentionsIn = allPages(store(), { key: 'hub', direction: 'in', edgeTypes: ['mentions'], limit: 10 })
    expect(mentionsIn.items.map((n) => n.node.key).sort()).toEqual(Array.from({ length: OTHER }, (_, i) => `o${OTHER + i}`).sort())
  })

  it('pages both directions and every type across the outgoing/incoming boundary, whatever the page size', () => {
    hubGraph(store())
    const everything = allPages(store(), { key: 'hub', limit: 1000 }).items
    expect(everything).toHaveLength(HUB_IN + OTHER * 2 + 3)
    expectEachEdgeOnce(everything)
    // Outgoing first; each direction by type name.
    expect(everything.slice(0, OTHER + 3).every((n) => n.direction === 'out')).toBe(true)
    expect(everything.slice(0, 3).map((n) => n.edge.type)).toEqual(['authored_by', 'authored_by', 'authored_by'])
    const ids = everything.map((n) => n.edge.id)
    // Page sizes that end exactly at the boundary (28 outgoing), just before and just after it.
    for (const limit of [27, 28, 29, 1, 7]) {
      const small = allPages(store(), { key: 'hub', direction: 'out', limit })
      expect(small.items.map((n) => n.edge.id)).toEqual(ids.slice(0, OTHER + 3))
    }
    const straddling = allPages(store(), { key: 'hub', edgeTypes: ['mentions', 'authored_by'], limit: 28 })
    expect(straddling.items.map((n) => n.edge.id)).toEqual(everything.filter((n) => n.edge.type !== 'cites').map((n) => n.edge.id))
    expect(straddling.pages).toBe(2)
  })

  it('filters by text in the label or key, counts the matches exactly and pages them', () => {
    hubGraph(store())
    const matches = allPages(store(), { key: 'hub', direction: 'in', edgeTypes: ['cites'], text: '  graph ', limit: 500 })
    const expected = Array.from({ length: HUB_IN }, (_, i) => i).filter((i) => i % 7 === 0).map((i) => `p${i}`)
    expect(matches.items.map((n) => n.node.key).sort()).toEqual(expected.sort())
    expect(allPages(store(), { key: 'hub', text: 'P2999', limit: 100 }).items.map((n) => n.node.key).sort()).toEqual(['p2999', ...Array.from({ length: 10 }, (_, i) => `p2999${i}`)].sort())
    expect(store().nodes.neighbours({ key: 'hub', direction: 'both', text: 'nothing like this', limit: 5 })).toMatchObject({ items: [], total: 0, omitted: 0, nextCursor: null })
    expect(store().graph.neighbourTypes({ key: 'hub', text: 'other 2' }).types).toEqual([
      { type: 'mentions', direction: 'out', count: 6 }, // o2, o20..o24
      { type: 'mentions', direction: 'in', count: 5 }, // o25..o29
    ])
  })

  it('refuses a cursor that is not one', () => {
    hubGraph(store())
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const cursor of ['###', encode(['up', 'x', 1, 1, 0]), encode(['in', 'x', -1, 1, 0]), encode([1, 2])]) {
      thrownBy(() => store().nodes.neighbours({ key: 'hub', direction: 'both', limit: 5, cursor }), 'VALIDATION')
    }
  })
})
