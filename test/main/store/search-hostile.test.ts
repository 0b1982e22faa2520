import { describe, expect, it } from 'vitest'
import { searchCountsInput, searchInput } from '../../../src/shared/search.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

// Text that means something to FTS5's query syntax (or to nothing at all) is searched for as plain words.
const HOSTILE: [text: string, finds: string[]][] = [
  ['"', []],
  ['""', []],
  ['a"b', ['near']],
  ['*', []],
  ['-x', ['minus', 'colon']],
  ['NEAR(a b)', ['near']],
  ['(', []],
  [')(', []],
  ['a AND', []],
  ['OR', ['or']],
  ['NOT', []],
  ['col:x', ['colon']],
  ['label:fjord', ['colon']],
  ['^x', ['minus', 'colon']],
  ['"(NEAR*', ['near']],
  ['🦊', []],
  ['🦊 fox', ['fox']],
  ['x'.repeat(500), []],
  ['fjord '.repeat(83).trim(), ['colon']],
  ['.,;:!?()[]{}<>-_=+*&^%$#@~`|\\/\'"', []],
  ['\u0301', []],
  ['\u0000 fox', ['fox']],
]

describe('search with hostile text', () => {
  it.each(HOSTILE)('%j never errors and finds the words in it', (text, finds) => {
    store().nodes.createMany({ nodes: [
      { key: 'minus', type: 't', label: 'x marks', properties: { note: 'y' } },
      { key: 'near', type: 't', label: 'Near a bay', properties: { note: 'b' } },
      { key: 'or', type: 't', label: 'Or else' },
      { key: 'colon', type: 't', label: 'Col x', properties: { note: 'label fjord' } },
      { key: 'fox', type: 't', label: '🦊 Fox' },
    ] })
    const hits = store().search.query(searchInput.parse({ text })).items.map((hit) => hit.node.key)
    expect(hits.sort()).toEqual(finds.sort())
    expect(store().search.counts(searchCountsInput.parse({ text })).total).toBe(finds.length)
  })

  it('refuses empty and over-long text at the boundary with a clear message', () => {
    expect(searchInput.safeParse({ text: '   ' }).error?.issues[0]?.message).toMatch(/type something/)
    expect(searchInput.safeParse({ text: 'x'.repeat(501) }).error?.issues[0]?.message).toMatch(/500 characters/)
  })
})
