import { describe, expect, it } from 'vitest'
import { searchInput } from '../../../src/shared/search.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

/** Every match by paging search.query to the end: the count search.total must give. */
function pagedCount(text: string, filter: { types?: string[]; where?: { path: string; op: 'gte'; value: number }[] }): number {
  let count = 0
  let cursor: string | undefined
  do {
    const page = store().search.query(searchInput.parse({ text, ...filter, limit: 200, cursor }))
    count += page.items.length
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return count
}

describe('search.total', () => {
  it('counts every match, with and without type and property filters, as paging the search does', () => {
    const nodes = Array.from({ length: 600 }, (_, i) => ({
      key: `n${i}`, type: i % 3 === 0 ? 'a' : 'b', label: `${i % 2 ? 'river' : 'stone'} ${i % 5 ? 'castle' : 'field'}`, properties: { rank: i },
    }))
    store().nodes.createMany({ nodes })
    const cases = [
      { text: 'river', filter: {} },
      { text: 'castle', filter: { types: ['a'] } },
      { text: 'ri', filter: { where: [{ path: 'rank', op: 'gte' as const, value: 250 }] } },
      { text: 'stone castle', filter: { types: ['b'], where: [{ path: 'rank', op: 'gte' as const, value: 100 }] } },
      { text: 'nothing', filter: {} },
    ]
    for (const { text, filter } of cases) {
      const expected = pagedCount(text, filter)
      expect(store().search.total({ text, ...filter }).total).toBe(expected)
    }
    expect(store().search.total({ text: 'river' }).total).toBe(300)
  })
})
