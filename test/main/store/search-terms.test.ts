import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokenSpans } from '../../../src/main/store/services/search-terms.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'

// Printable ASCII takes a path of its own in tokenSpans (no Unicode pattern): its tokens must be the
// index's, which for such text are the runs of letters and digits, lower-cased.
const oracle = (text: string) => [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: m[0].toLowerCase() }))

describe('tokenSpans', () => {
  it('finds in printable ASCII the runs of letters and digits, lower-cased, with their offsets', () => {
    const ascii = fc.array(fc.constantFrom('a', 'Z', 'q', '0', '9', ' ', '-', "'", '.', '_', '~', '"', '*', 'Ab1'), { maxLength: 40 }).map((parts) => parts.join(''))
    fc.assert(fc.property(ascii, (text) => {
      expect(tokenSpans(text)).toEqual(oracle(text))
    }), propertyRun('tokenSpans ascii', 300))
  })

  it('folds what is not ASCII as before: diacritics, case, and a word that only starts in ASCII', () => {
    expect(tokenSpans('Zürich x1-Y')).toEqual([
      { start: 0, end: 6, folded: 'zurich' }, { start: 7, end: 9, folded: 'x1' }, { start: 10, end: 11, folded: 'y' },
    ])
    expect(tokenSpans('new\tYORK')).toEqual([{ start: 0, end: 3, folded: 'new' }, { start: 4, end: 8, folded: 'york' }])
  })
})
