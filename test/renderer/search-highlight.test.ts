import { describe, expect, it } from 'vitest'
import { highlightSegments } from '../../src/renderer/features/search/highlight.ts'

const render = (text: string, highlights: [number, number][]) =>
  highlightSegments(text, highlights).map((s) => (s.marked ? `[${s.text}]` : s.text)).join('')

describe('highlightSegments', () => {
  it('marks each range and keeps the text between them', () => {
    expect(render('red fox and red hen', [[0, 3], [12, 15]])).toBe('[red] fox and [red] hen')
    expect(render('Zürich', [[0, 6]])).toBe('[Zürich]')
    expect(render('plain', [])).toBe('plain')
  })

  it('sorts, merges overlapping ranges, and drops empty and out-of-range ones', () => {
    expect(render('abcdefgh', [[4, 6], [0, 2], [1, 3]])).toBe('[abc]d[ef]gh')
    expect(render('abcdef', [[2, 2], [5, 99], [-4, 1]])).toBe('[a]bcde[f]')
    expect(render('abc', [[7, 9]])).toBe('abc')
  })

  it('never loses or repeats a character, whatever the ranges', () => {
    const text = 'the quick brown 😀 fox'
    for (let a = 0; a <= text.length; a++)
      for (let b = 0; b <= text.length; b += 3) {
        const segments = highlightSegments(text, [[a, b], [b, a + 2]])
        expect(segments.map((s) => s.text).join('')).toBe(text)
      }
  })
})
