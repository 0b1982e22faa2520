import { expect, it } from 'vitest'
import { rankNote } from '../../src/renderer/features/search/rank-note.ts'

it('an exact label match says why it is first instead of showing a score lower than the hits below it', () => {
  const exact = rankNote({ exact: true, ranked: true, score: 1.5 })
  expect(exact.text).toBe('listed first')
  expect(exact.text).not.toMatch(/score|\d/)
  expect(exact.title).toMatch(/label equals the search text/)
  expect(rankNote({ exact: false, ranked: true, score: 7.257 }).text).toBe('score 7.26')
  expect(rankNote({ exact: false, ranked: false, score: 0 }).text).toBe('unranked')
})
