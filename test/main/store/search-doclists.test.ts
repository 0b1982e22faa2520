import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { intersectNewestFirst, keptList } from '../../../src/main/store/services/search-doclists.ts'
import { mulberry32 } from '../../../bench/prng.ts'
import { searchInput, type SearchInput } from '../../../src/shared/search.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

// Dense lists get a bitmap, sparse ones are searched: both kinds, and ids past 32 (a bitmap's second word).
const sortedIds = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 120 }),
  fc.uniqueArray(fc.integer({ min: 0, max: 70 }), { minLength: 3, maxLength: 60 }),
).map((ids) => ids.sort((a, b) => a - b))

describe('intersecting kept id lists', () => {
  it('gives the ids in every list below the bound, newest first, at most the limit', () => {
    fc.assert(
      fc.property(fc.array(sortedIds, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 320 }), fc.integer({ min: 0, max: 50 }), (lists, beforeId, limit) => {
        const expected = [...(lists[0] as number[])].filter((id) => id < beforeId && lists.every((list) => list.includes(id))).reverse().slice(0, limit)
        expect(intersectNewestFirst(lists.map((list) => keptList(list)), beforeId, limit)).toEqual(expected)
        // The same with every list as ids, and every list as a bitmap.
        expect(intersectNewestFirst(lists.map((list) => keptList(list, false)), beforeId, limit)).toEqual(expected)
        expect(intersectNewestFirst(lists.map((list) => keptList(list, true)), beforeId, limit)).toEqual(expected)
      }),
      propertyRun('intersect lists', 3000),
    )
  })
})

describe('a kept list', () => {
  it('is a bitmap when that is smaller than its ids, with exactly its ids set', () => {
    const dense = keptList([0, 3, 31, 32, 40, 63])
    expect(dense.ids).toBeNull()
    expect(dense.bits && [...dense.bits]).toEqual([((1 << 0) | (1 << 3) | (1 << 31)) >>> 0, ((1 << 0) | (1 << 8) | (1 << 31)) >>> 0])
    expect(keptList([5, 1000])).toMatchObject({ count: 2, bits: null })
    expect(keptList([])).toMatchObject({ count: 0, bits: null })
  })
})

// The kept lists serve searches without a filter; with a filter that every node passes, the same
// search goes to FTS5's own intersection: both must give the same pages, before and after writes.
const { store } = useTempStore()
const WORDS = ['amber', 'amberly', 'canal', 'cane', 'dune', 'dunes', 'ember', 'fern', 'ferns', 'glade']

function allPages(input: SearchInput): string[] {
  const seen: string[] = []
  let cursor: string | undefined
  do {
    const page = store().search.query(searchInput.parse({ ...input, cursor }))
    for (const hit of page.items) seen.push(`${hit.node.key} ${hit.exact} ${hit.ranked} ${hit.score.toFixed(10)}`)
    cursor = page.nextCursor ?? undefined
    if (seen.length > 5_000) throw new Error(`paging "${input.text}" does not end`)
  } while (cursor)
  return seen
}

describe('searches of several words through the kept lists', () => {
  it('page exactly as FTS5 does, after inserts, edits and deletes (1,000 random queries)', () => {
    const seed = (Date.now() ^ (Math.random() * 2 ** 31)) | 0
    console.log(`[kept lists vs FTS5] seed ${seed}`)
    const random = mulberry32(seed)
    const word = () => WORDS[Math.floor(random() * WORDS.length)] as string
    const phrase = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word).join(' ')
    const labels: string[] = []
    const add = (count: number, from: number) => {
      const nodes = Array.from({ length: count }, (_, i) => {
        const label = phrase(1, 3)
        labels.push(label)
        return { key: `n${from + i}`, type: random() < 0.5 ? 'a' : 'b', label, properties: { note: phrase(0, 4), n: i } }
      })
      store().nodes.createMany({ nodes })
    }
    add(520, 0)
    for (let round = 0; round < 4; round++) {
      for (let q = 0; q < 250; q++) {
        // Half the queries are a node's whole label (an exact hit first), half two or three words; a short page now and then.
        const text = q % 2 === 0 ? (labels[Math.floor(random() * labels.length)] as string) : `${word()} ${phrase(1, 2)}`.slice(0, 3 + Math.floor(random() * 30))
        const limit = q % 3 === 0 ? 7 : 20
        expect(allPages({ text, limit }), `"${text}" seed ${seed}`).toEqual(allPages({ text, limit, types: ['a', 'b'] }))
      }
      // Writes between rounds: the kept lists must follow them.
      add(40, 1000 * (round + 1))
      store().nodes.update({ key: `n${round * 7}`, label: phrase(2, 3) })
      store().nodes.delete({ key: `n${round * 11 + 1}` })
    }
  })
})
