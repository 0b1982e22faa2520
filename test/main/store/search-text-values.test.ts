import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textValuesOf } from '../../../src/main/store/services/search-text-values.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'

// The quote-finding reader must give what the index is given: SQLite's json_each over the stored
// JSON (repos/node-text.ts), top-level strings only, in document order.
const db = new Database(':memory:')
const indexed = db.prepare("SELECT coalesce((SELECT group_concat(' ' || value, '') FROM json_each(?) WHERE type = 'text'), '')").pluck()

// Strings with the characters that matter to a reader of quotes: quotes, backslashes, braces, brackets, colons, commas.
const tricky = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '"', '\\', '{', '}', '[', ']', ':', ',', 'é', '\n', '0'), maxLength: 8 })
const scalar = fc.oneof(tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
const value = fc.oneof({ weight: 4, arbitrary: scalar }, fc.array(scalar, { maxLength: 2 }), fc.dictionary(tricky, scalar, { maxKeys: 2 }))
const props = fc.dictionary(tricky, value, { maxKeys: 6 })

describe('text values of a node\'s properties', () => {
  it('are what json_each gives the index, flat or nested, with or without escapes, in any spacing', () => {
    fc.assert(
      fc.property(props, fc.boolean(), (object, spaced) => {
        const json = JSON.stringify(object, null, spaced ? 1 : undefined)
        expect(textValuesOf(json)).toBe(indexed.get(json))
      }),
      propertyRun('text values', 2000),
    )
  })

  it('reads a flat object without a parser, and an empty one as nothing', () => {
    expect(textValuesOf('{}')).toBe('')
    expect(textValuesOf('{"note":"amber canal","n":3,"ok":true,"x":null,"region":"coast"}')).toBe(' amber canal coast')
    expect(textValuesOf('{"a":"{x}","b":"y"}')).toBe(' {x} y')
  })
})
