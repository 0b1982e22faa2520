import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { NewNode } from '../../../src/shared/domain.ts'
import { searchInput } from '../../../src/shared/search.ts'
import { propertyRun } from '../../helpers/fast-check-seed.ts'
import { useTempStore } from '../../helpers/temp-store.ts'

const { store } = useTempStore()

// Few words, so that searches match often; case, accents, prefixes of each other and FTS syntax.
const WORDS = ['cafe', 'Café', 'CAB', 'ca', 'c', 'cabin', 'near', 'NEAR', 'or', 'And', 'x1', 'ßig']
const SEPARATORS = [' ', '  ', '-', '"', '*', '(', ')', ':', '^', ', ', ' AND ', ' OR ', '🦊']

/** The oracle: plain tokens, lower case without accents (the words above need nothing more). */
const tokensOf = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)

function expectedKeys(nodes: NewNode[], text: string): string[] {
  const terms = [...new Set(tokensOf(text))]
  if (terms.length === 0) return []
  const last = terms[terms.length - 1] as string
  const whole = terms.slice(0, -1).filter((term) => term !== last)
  return nodes
    .filter((node) => {
      const strings = [node.label ?? node.key, ...Object.values(node.properties ?? {}).filter((v): v is string => typeof v === 'string')]
      const tokens = new Set(strings.flatMap(tokensOf))
      const lastMatches = last.length >= 2 ? [...tokens].some((t) => t.startsWith(last)) : tokens.has(last)
      return lastMatches && whole.every((term) => tokens.has(term))
    })
    .map((node) => node.key)
    .sort()
}

const phrase = (max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: max }).map((ws) => ws.join(' '))
const nodes = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[a-z]{1,6}$/),
    type: fc.constantFrom('a', 'b'),
    label: phrase(3),
    properties: fc.record({ note: phrase(4), n: fc.integer({ min: 0, max: 3 }) }),
  }),
  { selector: (node) => node.key, maxLength: 25 },
)
const query = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join('').trim())
  .filter((text) => text !== '')

describe('search matches what an independent tokenizer says, page by page', () => {
  it('returns every matching node exactly once, for any words, separators and page size', () => {
    fc.assert(
      fc.property(nodes, query, fc.integer({ min: 1, max: 6 }), (batch, text, limit) => {
        const local = store()
        for (const node of batch) local.nodes.delete({ key: node.key })
        if (batch.length > 0) local.nodes.createMany({ nodes: batch })
        const found: string[] = []
        let cursor: string | undefined
        do {
          const page = local.search.query(searchInput.parse({ text, limit, cursor }))
          found.push(...page.items.map((hit) => hit.node.key))
          for (const hit of page.items) expect(hit.snippet.highlights.length, `${hit.node.key} has a highlight`).toBeGreaterThan(0)
          cursor = page.nextCursor ?? undefined
          if (found.length > batch.length) throw new Error('paging returned more hits than there are nodes')
        } while (cursor)
        const expected = expectedKeys(batch, text)
        expect(found.slice().sort()).toEqual(expected)
        expect(found.length).toBe(new Set(found).size)
        expect(local.search.counts({ text }).total).toBe(expected.length)
        for (const node of batch) local.nodes.delete({ key: node.key })
      }),
      propertyRun('search matches', 60),
    )
  })
})
