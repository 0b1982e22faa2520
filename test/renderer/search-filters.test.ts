import { describe, expect, it } from 'vitest'
import { parsePredicateValue, toPropertyFilters } from '../../src/renderer/features/search/predicates.ts'
import { countForTypes, describeSearchCount } from '../../src/renderer/features/search/search-count.ts'

describe('search page predicates', () => {
  it('reads numbers and booleans as such, and anything else as text', () => {
    expect(parsePredicateValue('42')).toBe(42)
    expect(parsePredicateValue(' -1.5 ')).toBe(-1.5)
    expect(parsePredicateValue('true')).toBe(true)
    expect(parsePredicateValue('false')).toBe(false)
    expect(parsePredicateValue('Oslo')).toBe('Oslo')
    expect(parsePredicateValue('')).toBe('')
    expect(parsePredicateValue('Infinity')).toBe('Infinity')
  })

  it('applies complete rows, skips rows without a path, and explains bad paths', () => {
    const { where, problems } = toPropertyFilters([
      { id: 1, path: 'population', op: 'gt', value: '100000' },
      { id: 2, path: '', op: 'eq', value: 'x' },
      { id: 3, path: 'bad path;', op: 'eq', value: 'x' },
      { id: 4, path: ' address.city ', op: 'eq', value: 'Oslo' },
    ])
    expect(where).toEqual([
      { path: 'population', op: 'gt', value: 100000 },
      { path: 'address.city', op: 'eq', value: 'Oslo' },
    ])
    expect([...problems.keys()]).toEqual([3])
    expect(problems.get(3)).toMatch(/names joined by dots/)
  })
})

describe('search count line', () => {
  it('says how many, with a + when counting stopped at its cap', () => {
    expect(describeSearchCount({ total: 1, capped: false })).toBe('1 result')
    expect(describeSearchCount({ total: 1234, capped: false })).toBe('1,234 results')
    expect(describeSearchCount({ total: 10000, capped: true })).toBe('10,000+ results')
    expect(describeSearchCount({ total: 0, capped: false })).toBe('0 results')
  })

  it('totals the chosen types only', () => {
    const counts = { total: 6, capped: false, byType: [{ type: 'a', count: 4 }, { type: 'b', count: 2 }] }
    expect(countForTypes(counts, [])).toBe(counts)
    expect(countForTypes(counts, ['b'])).toEqual({ total: 2, capped: false })
    expect(countForTypes(counts, ['b', 'zz'])).toEqual({ total: 2, capped: false })
  })
})
