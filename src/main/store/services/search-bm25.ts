import { foldToken } from './search-terms.ts'

// FTS5's bm25(), computed here for a bounded set of candidates. FTS5's own function counts each
// phrase's matching rows by reading the phrase's whole doclist once per query, which makes a page of
// a common word cost time in proportion to how many nodes hold it; here the counts come from a cache
// (services/search-idf.ts) and each candidate is scored from its own text.
// Same formula and constants as SQLite's fts5_aux.c: k1 = 1.2, b = 0.75, idf floor 1e-6.

const K1 = 1.2
const B = 0.75
/** Column weights, as `bm25(nodes_fts, 5.0, 1.0)`: a match in the label counts five times one in the text. */
export const LABEL_WEIGHT = 5
export const TEXT_WEIGHT = 1

/** One searched phrase: a whole word, or (the last term) a prefix. */
export interface Phrase {
  term: string
  prefix: boolean
}

export interface IndexTotals {
  /** Rows in the full-text index. */
  rows: number
  /** Tokens in all its columns together. */
  tokens: number
}

/** The text a node is found by, as the index holds it: its label, and its top-level string properties. */
export interface NodeText {
  label: string
  props: string
}

/** FTS5's inverse document frequency of a phrase found in `hits` of `rows` rows. */
export function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5))
  return value > 0 ? value : 1e-6
}

/** Top-level string property values, in order: what NODE_TEXT (repos/node-text.ts) puts in the text column. */
export function textOfProps(props: string): string[] {
  const values: string[] = []
  for (const value of Object.values(JSON.parse(props) as Record<string, unknown>)) if (typeof value === 'string') values.push(value)
  return values
}

/** Printable ASCII only (text with tabs or newlines takes the general path, which is as correct). */
const ASCII = /^[ -~]*$/
const ASCII_TOKEN = /[a-z0-9]+/g
/** services/search-terms.ts's token pattern, applied to text folded as a whole (the same tokens, folded once). */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu

/** Adds each token's weight to the phrases it matches; returns how many tokens there were. */
function tally(text: string, weight: number, phrases: readonly Phrase[], freq: Float64Array): number {
  const ascii = ASCII.test(text)
  const folded = ascii ? text.toLowerCase() : foldToken(text)
  const pattern = ascii ? ASCII_TOKEN : TOKEN
  pattern.lastIndex = 0
  let tokens = 0
  for (let found = pattern.exec(folded); found !== null; found = pattern.exec(folded)) {
    tokens++
    const token = found[0]
    for (let i = 0; i < phrases.length; i++) {
      const phrase = phrases[i] as Phrase
      if (phrase.prefix ? token.startsWith(phrase.term) : token === phrase.term) freq[i] = (freq[i] as number) + weight
    }
  }
  return tokens
}

/**
 * A node's bm25 score for the phrases, higher is better (FTS5's bm25() negated), given each
 * phrase's idf. Tokens are counted as the index's tokenizer counts them (services/search-terms.ts).
 */
export function bm25(node: NodeText, phrases: readonly Phrase[], idfs: readonly number[], totals: IndexTotals): number {
  const freq = new Float64Array(phrases.length)
  let length = tally(node.label, LABEL_WEIGHT, phrases, freq)
  for (const text of textOfProps(node.props)) length += tally(text, TEXT_WEIGHT, phrases, freq)
  const averageLength = totals.rows > 0 ? totals.tokens / totals.rows : 1
  let score = 0
  phrases.forEach((_, i) => {
    const f = freq[i] as number
    score += (idfs[i] as number) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / averageLength)))
  })
  return score
}
