import { describe, expect, it } from 'vitest'
import { COUNT_CAP, RANK_WINDOW } from '../../../src/main/store/services/search.ts'
import type { NewNode } from '../../../src/shared/domain.ts'
import { searchInput, type SearchHit, type SearchInput } from '../../../src/shared/search.ts'
import { thrownBy } from '../../helpers/errors.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()
const search = (input: SearchInput) => store().search.query(searchInput.parse(input))
const keysOf = (hits: SearchHit[]) => hits.map((hit) => hit.node.key)
const marked = (hit: SearchHit) => hit.snippet.highlights.map(([start, end]) => hit.snippet.text.slice(start, end))

/** Every hit of a search, page by page, with the number of pages it took. */
function allPages(input: SearchInput): { hits: SearchHit[]; pages: number } {
  const hits: SearchHit[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = search({ ...input, cursor })
    hits.push(...page.items)
    cursor = page.nextCursor ?? undefined
    pages++
    if (pages > 1000) throw new Error('paging does not end')
  } while (cursor)
  return { hits, pages }
}

describe('search ranking', () => {
  it('puts nodes whose label equals the text first, whatever their score, then the best scores', () => {
    store().nodes.createMany({ nodes: [
      { key: 'many', type: 'place', label: 'Oslo fjord', properties: { note: 'oslo oslo oslo oslo' } },
      { key: 'exact', type: 'place', label: 'OSLO', properties: { note: 'a long note about a capital city in the north of Europe' } },
      { key: 'text-only', type: 'doc', label: 'Travel notes', properties: { body: 'a week in Oslo' } },
      { key: 'other', type: 'doc', label: 'Bergen' },
    ] })
    const { items, nextCursor, rankWindow } = search({ text: 'oslo' })
    expect(keysOf(items)).toEqual(['exact', 'many', 'text-only'])
    expect(items.map((hit) => hit.exact)).toEqual([true, false, false])
    expect(items.every((hit) => hit.ranked)).toBe(true)
    expect(items[1]!.score).toBeGreaterThan(items[2]!.score)
    expect(nextCursor).toBeNull()
    expect(rankWindow).toBe(RANK_WINDOW)
  })

  it('weighs a match in the label above the same match in a text property', () => {
    store().nodes.createMany({ nodes: [
      { key: 'in-text', type: 't', label: 'First', properties: { note: 'lighthouse' } },
      { key: 'in-label', type: 't', label: 'Lighthouse keeper', properties: { note: 'first' } },
    ] })
    expect(keysOf(search({ text: 'lighthouse' }).items)).toEqual(['in-label', 'in-text'])
  })

  it('needs every term, and takes the last one as a prefix', () => {
    store().nodes.createMany({ nodes: [
      { key: 'both', type: 't', label: 'Red harbour' },
      { key: 'red', type: 't', label: 'Red square' },
      { key: 'harb', type: 't', label: 'Harbourmaster', properties: { note: 'red coat' } },
    ] })
    expect(keysOf(search({ text: 'red harb' }).items).sort()).toEqual(['both', 'harb'])
    // Only the last term is a prefix: "harbou" must be a whole word.
    expect(keysOf(search({ text: 'harbour re' }).items)).toEqual(['both'])
    expect(keysOf(search({ text: 'harbou re' }).items)).toEqual([])
  })
})

describe('search snippets', () => {
  it('marks every matched term and prefix, ignoring case and diacritics', () => {
    store().nodes.createMany({ nodes: [
      { key: 'z', type: 'city', label: 'Zürich', properties: { note: 'ZURICH is not Zug; zürcher Art', pop: 5 } },
      { key: 'ny', type: 'city', label: 'New York', properties: { motto: 'Excelsior, ever upward: new yorkers say' } },
    ] })
    const [zurich] = search({ text: 'zurich' }).items
    expect(zurich?.snippet.field).toBe('label')
    expect(marked(zurich!)).toEqual(['Zürich'])
    const [ny] = search({ text: 'upward new YOR' }).items
    expect(ny?.snippet.field).toBe('motto')
    expect(marked(ny!)).toEqual(['upward', 'new', 'yorkers'])
    const [zur] = search({ text: 'zür' }).items
    expect(marked(zur!)).toEqual(['Zürich'])
  })

  it('cuts a long text to a window around the first match, with offsets into the window', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20)
    store().nodes.create({ key: 'long', type: 't', label: 'Long', properties: { body: `${filler}needle in the 😀 haystack ${filler}` } })
    const [hit] = search({ text: 'needle haystack' }).items
    expect(hit!.snippet.text.length).toBeLessThan(200)
    expect(hit!.snippet.text.startsWith('…')).toBe(true)
    expect(marked(hit!)).toEqual(['needle', 'haystack'])
  })
})

describe('search filters', () => {
  const people: NewNode[] = [
    { key: 'ada', type: 'person', label: 'Ada Lovelace', properties: { born: 1815, note: 'engine notes' } },
    { key: 'grace', type: 'person', label: 'Grace Hopper', properties: { born: 1906, note: 'engine of compilers' } },
    { key: 'engine', type: 'machine', label: 'Analytical Engine', properties: { built: false } },
    { key: 'diff', type: 'machine', label: 'Difference engine', properties: { built: true } },
  ]

  it('narrows by type, by property predicates, and by both', () => {
    store().nodes.createMany({ nodes: people })
    expect(keysOf(search({ text: 'engine' }).items).sort()).toEqual(['ada', 'diff', 'engine', 'grace'])
    expect(keysOf(search({ text: 'engine', types: ['machine'] }).items).sort()).toEqual(['diff', 'engine'])
    expect(keysOf(search({ text: 'engine', where: [{ path: 'born', op: 'lt', value: 1900 }] }).items)).toEqual(['ada'])
    expect(keysOf(search({ text: 'engine', where: [{ path: 'built', op: 'eq', value: true }] }).items)).toEqual(['diff'])
    expect(keysOf(search({ text: 'engine', types: ['machine'], where: [{ path: 'born', op: 'lt', value: 1900 }] }).items)).toEqual([])
    expect(keysOf(search({ text: 'engine', types: ['person'], where: [{ path: 'born', op: 'gte', value: 1900 }] }).items)).toEqual(['grace'])
  })

  it('keeps an exact label match out of the results when the filters exclude it', () => {
    store().nodes.createMany({ nodes: people })
    expect(keysOf(search({ text: 'analytical engine', types: ['person'] }).items)).toEqual([])
    expect(search({ text: 'analytical engine', types: ['machine'] }).items[0]?.exact).toBe(true)
  })

  it('counts matches per type, after the predicates', () => {
    store().nodes.createMany({ nodes: people })
    expect(store().search.counts({ text: 'engine' })).toEqual({
      total: 4, capped: false, byType: [{ type: 'machine', count: 2 }, { type: 'person', count: 2 }],
    })
    expect(store().search.counts({ text: 'engine', where: [{ path: 'born', op: 'gt', value: 0 }] })).toEqual({
      total: 2, capped: false, byType: [{ type: 'person', count: 2 }],
    })
  })
})

describe('search paging', () => {
  it('returns every hit exactly once across the exact, ranked and unranked tiers', () => {
    const count = RANK_WINDOW * 2 + 37
    const nodes: NewNode[] = Array.from({ length: count }, (_, i) => ({
      key: `n${i}`,
      type: i % 3 ? 'a' : 'b',
      label: i % 500 === 7 ? 'Comet' : `Comet ${'tail '.repeat(i % 5)}${i}`,
      properties: { note: i % 2 ? 'comet comet' : 'dust', i },
    }))
    store().nodes.createMany({ nodes: nodes })
    store().nodes.createMany({ nodes: [{ key: 'none', type: 'a', label: 'Asteroid' }] })
    const { hits, pages } = allPages({ text: 'comet', limit: 150 })
    expect(pages).toBe(Math.ceil(count / 150))
    expect(new Set(keysOf(hits)).size).toBe(count)
    const tiers = hits.map((hit) => (hit.exact ? 0 : hit.ranked ? 1 : 2))
    expect(tiers).toEqual([...tiers].sort())
    const exact = hits.filter((hit) => hit.exact)
    expect(exact.length).toBe(nodes.filter((node) => node.label === 'Comet').length)
    // The window holds the newest RANK_WINDOW matches; exact ones among them are listed in the exact tier.
    const ranked = hits.filter((hit) => hit.ranked && !hit.exact)
    expect(ranked.length).toBeGreaterThanOrEqual(RANK_WINDOW - exact.length)
    expect(ranked.length).toBeLessThanOrEqual(RANK_WINDOW)
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score)
    expect(hits.filter((hit) => !hit.ranked).length).toBe(count - exact.length - ranked.length)
    expect(store().search.counts({ text: 'comet' })).toMatchObject({ total: count, capped: false })
    // Filtered paging sees exactly the filtered hits.
    const filtered = allPages({ text: 'comet', types: ['b'], where: [{ path: 'i', op: 'gte', value: 100 }], limit: 99 }).hits
    expect(keysOf(filtered).sort()).toEqual(nodes.filter((n, i) => n.type === 'b' && i >= 100).map((n) => n.key).sort())
  })

  it('fills a page with exact hits alone, and goes on with the ranked ones on the next', () => {
    const exact = Array.from({ length: 7 }, (_, i): NewNode => ({ key: `e${i}`, type: 't', label: i % 2 ? 'Red Kite' : 'red kite' }))
    const others = Array.from({ length: 5 }, (_, i): NewNode => ({ key: `o${i}`, type: 't', label: `Red kite ${i}`, properties: { note: 'red kite' } }))
    store().nodes.createMany({ nodes: [...others.slice(0, 2), ...exact, ...others.slice(2)] })
    const { hits, pages } = allPages({ text: 'red kite', limit: 3 })
    expect(pages).toBe(4)
    expect(keysOf(hits).slice(0, 7).sort()).toEqual(keysOf(hits.filter((hit) => hit.exact)).sort())
    expect(hits.slice(0, 7).every((hit) => hit.exact)).toBe(true)
    expect(keysOf(hits.slice(7)).sort()).toEqual(others.map((node) => node.key).sort())
    expect(hits.slice(7).every((hit) => hit.ranked && !hit.exact)).toBe(true)
  })

  it('ranks the newest RANK_WINDOW matches of several words, whether fewer or more nodes match', () => {
    const node = (i: number): NewNode => ({ key: `n${i}`, type: 't', label: `Iron ${i}`, properties: { note: i % 7 ? 'gate' : 'gate gate iron' } })
    store().nodes.createMany({ nodes: Array.from({ length: RANK_WINDOW }, (_, i) => node(i)) })
    const all = allPages({ text: 'iron gat', limit: 64 }).hits
    expect(all.length).toBe(RANK_WINDOW)
    expect(all.every((hit) => hit.ranked)).toBe(true)
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score)
    // One more match: the oldest falls out of the window, into the unranked rest.
    store().nodes.createMany({ nodes: [node(RANK_WINDOW)] })
    const more = allPages({ text: 'iron gat', limit: 64 }).hits
    expect(more.length).toBe(RANK_WINDOW + 1)
    expect(keysOf(more.filter((hit) => !hit.ranked))).toEqual(['n0'])
    expect(more.at(-1)?.ranked).toBe(false)
  })

  it('caps the counts of a very common term', () => {
    store().nodes.createMany({ nodes: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({ key: `k${i}`, type: i % 2 ? 'odd' : 'even', label: 'Pebble' })) })
    const counts = store().search.counts({ text: 'pebble' })
    expect(counts.total).toBe(COUNT_CAP)
    expect(counts.capped).toBe(true)
    expect(counts.byType.reduce((sum, entry) => sum + entry.count, 0)).toBe(COUNT_CAP)
  })

  it('refuses a cursor it did not make', () => {
    store().nodes.create({ key: 'a', type: 't', label: 'Alpha' })
    expect(thrownBy(() => search({ text: 'alpha', cursor: 'bm90IGEgY3Vyc29y' }), 'VALIDATION').message).toMatch(/cursor/)
    expect(thrownBy(() => search({ text: 'alpha', cursor: Buffer.from('[7,1,1]').toString('base64url') }), 'VALIDATION').message).toMatch(/cursor/)
  })
})

describe('search follows the writes', () => {
  it('finds a node by its new label and text, and no longer by the old, nor at all once deleted', () => {
    store().nodes.create({ key: 'n', type: 't', label: 'Walrus', properties: { note: 'tusks' } })
    expect(keysOf(search({ text: 'walrus' }).items)).toEqual(['n'])
    store().nodes.update({ key: 'n', label: 'Narwhal', properties: { note: 'a single tooth' } })
    expect(search({ text: 'walrus' }).items).toEqual([])
    expect(search({ text: 'tusks' }).items).toEqual([])
    const [hit] = search({ text: 'narwhal' }).items
    expect(hit).toMatchObject({ exact: true, node: { key: 'n', label: 'Narwhal' } })
    expect(keysOf(search({ text: 'tooth' }).items)).toEqual(['n'])
    store().nodes.delete({ key: 'n' })
    expect(search({ text: 'narwhal' }).items).toEqual([])
    expect(store().search.counts({ text: 'tooth' }).total).toBe(0)
  })
})

describe('search.explain', () => {
  it('says which words are searched, folded as the index folds them, and which one matches as a prefix', () => {
    expect(store().search.explain({ text: 'Ünïcode "engines" NEAR(x' })).toEqual({ terms: ['unicode', 'engines', 'near', 'x'], prefix: null })
    expect(store().search.explain({ text: 'Ada lo' })).toEqual({ terms: ['ada', 'lo'], prefix: 'lo' })
    expect(store().search.explain({ text: '*** ^' })).toEqual({ terms: [], prefix: null })
  })
})
