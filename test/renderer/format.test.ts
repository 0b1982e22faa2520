import { describe, expect, it } from 'vitest'
import { formatAge, formatBytes, formatCount, formatSeconds, propertiesPreview } from '../../src/renderer/lib/format.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)

describe('formatCount', () => {
  it('groups thousands the way the default locale does', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1_234_567)).toBe(new Intl.NumberFormat().format(1_234_567))
  })
})

describe('formatBytes', () => {
  it('says byte or bytes below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(2)).toBe('2 bytes')
    expect(formatBytes(999)).toBe('999 bytes')
  })

  it('uses decimal units with one decimal from a kilobyte up', () => {
    expect(formatBytes(1000)).toBe('1.0 KB')
    expect(formatBytes(1024)).toBe('1.0 KB')
    expect(formatBytes(1500)).toBe('1.5 KB')
    expect(formatBytes(1_000_000)).toBe('1.0 MB')
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB')
    expect(formatBytes(3e12)).toBe('3.0 TB')
  })

  it('stays in terabytes beyond the last unit', () => {
    expect(formatBytes(5e15)).toBe('5000.0 TB')
  })
})

describe('formatSeconds', () => {
  it('shows two decimals under ten seconds and whole seconds from ten up', () => {
    expect(formatSeconds(0)).toBe('0.00 s')
    expect(formatSeconds(0.0421)).toBe('0.04 s')
    expect(formatSeconds(9.5)).toBe('9.50 s')
    expect(formatSeconds(10)).toBe('10 s')
    expect(formatSeconds(12.5)).toBe('13 s')
    expect(formatSeconds(125.4)).toBe('125 s')
  })
})

describe('propertiesPreview', () => {
  it('joins key: value pairs with a middle dot, strings unquoted and other values as JSON', () => {
    expect(propertiesPreview({ age: 41, city: 'Oslo', tags: ['a', 'b'], alive: true, spouse: null, address: { zip: '0150' } })).toBe(
      'age: 41 · city: Oslo · tags: ["a","b"] · alive: true · spouse: null · address: {"zip":"0150"}',
    )
  })

  it('is empty for no properties', () => {
    expect(propertiesPreview({})).toBe('')
  })

  it('keeps text of exactly the maximum length and cuts longer text to that length with an ellipsis', () => {
    expect(propertiesPreview({ k: 'abcdefg' }, 10)).toBe('k: abcdefg')
    const cut = propertiesPreview({ k: 'abcdefgh' }, 10)
    expect(cut).toBe('k: abcdef…')
    expect(cut).toHaveLength(10)
  })

  it('cuts to 160 characters by default', () => {
    const preview = propertiesPreview({ text: 'x'.repeat(500) })
    expect(preview).toHaveLength(160)
    expect(preview.endsWith('x…')).toBe(true)
  })
})

describe('formatAge', () => {
  it('says "just now" under a minute, and for times in the future', () => {
    expect(formatAge(NOW, NOW)).toBe('just now')
    expect(formatAge(NOW - 59_999, NOW)).toBe('just now')
    expect(formatAge(NOW + HOUR, NOW)).toBe('just now')
  })

  it('counts whole minutes from one minute to just under an hour', () => {
    expect(formatAge(NOW - MINUTE, NOW)).toBe('1 minute ago')
    expect(formatAge(NOW - 2 * MINUTE + 1, NOW)).toBe('1 minute ago')
    expect(formatAge(NOW - 5 * MINUTE, NOW)).toBe('5 minutes ago')
    expect(formatAge(NOW - HOUR + 1, NOW)).toBe('59 minutes ago')
  })

  it('counts whole hours from one hour to just under a day', () => {
    expect(formatAge(NOW - HOUR, NOW)).toBe('1 hour ago')
    expect(formatAge(NOW - 3 * HOUR - 59 * MINUTE, NOW)).toBe('3 hours ago')
    expect(formatAge(NOW - DAY + 1, NOW)).toBe('23 hours ago')
  })

  it('counts whole days from one day on', () => {
    expect(formatAge(NOW - DAY, NOW)).toBe('1 day ago')
    expect(formatAge(NOW - 2 * DAY + 1, NOW)).toBe('1 day ago')
    expect(formatAge(NOW - 400 * DAY, NOW)).toBe('400 days ago')
  })
})

describe('formatBytes just below a unit boundary', () => {
  it('moves to the next unit when rounding would show 1000', () => {
    expect(formatBytes(999_960)).toBe('1.0 MB')
    expect(formatBytes(999_940)).toBe('999.9 KB')
    expect(formatBytes(999)).toBe('999 bytes')
  })
})
