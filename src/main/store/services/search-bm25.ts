import { foldToken } from './search-terms.ts'

// FTS5's bm25(), computed here for a bounded set of candidates. FTS5's own function counts each
// phrase's matching rows by reading the phrase's whole doclist once per query, which makes a page of
// a common word cost time in proportion to how many nodes hold it; here the counts come from a cache
// (services/search-cache.ts) and each candidate is scored from its own tokens.
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

/** The text a node is found by, as the index holds it: its label, and its top-level string properties (JSON). */
export interface NodeText {
  label: string
  props: string
}

/** A node's folded tokens, the label's first. */
export interface TokenizedNode {
  label: string
  tokens: string[]
  labelTokens: number
}

/** FTS5's inverse document frequency of a phrase found in `hits` of `rows` rows. */
export function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5))
  return value > 0 ? value : 1e-6
}

/** Printable ASCII only (text with tabs or newlines takes the general path, which is as correct). */
const ASCII = /^[ -~]*$/
const ASCII_TOKEN = /[a-z0-9]+/g
/** services/search-terms.ts's token pattern, applied to text folded as a whole (the same tokens, folded once). */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu

function addTokens(text: string, into: string[]): void {
  const ascii = ASCII.test(text)
  const folded = ascii ? text.toLowerCase() : foldToken(text)
  const pattern = ascii ? ASCII_TOKEN : TOKEN
  pattern.lastIndex = 0
  for (let found = pattern.exec(folded); found !== null; found = pattern.exec(folded)) into.push(found[0])
}

/** Tokens as the index's tokenizer makes them (services/search-terms.ts): the label, then what NODE_TEXT indexes. */
export function tokenize(node: NodeText): TokenizedNode {
  const tokens: string[] = []
  addTokens(node.label, tokens)
  const labelTokens = tokens.length
  // Top-level string values, as NODE_TEXT (repos/node-text.ts) puts them in the text column.
  for (const value of Object.values(JSON.parse(node.props) as Record<string, unknown>)) if (typeof value === 'string') addTokens(value, tokens)
  return { label: node.label, tokens, labelTokens }
}

/** A node's bm25 score for the phrases, higher is better (FTS5's bm25() negated), given each phrase's idf. */
export function bm25(node: TokenizedNode, phrases: readonly Phrase[], idfs: readonly number[], totals: IndexTotals): number {
  const averageLength = totals.rows > 0 ? totals.tokens / totals.rows : 1
  const saturation = K1 * (1 - B + (B * node.tokens.length) / averageLength)
  const { tokens, labelTokens } = node
  let score = 0
  for (let i = 0; i < phrases.length; i++) {
    const { term, prefix } = phrases[i] as Phrase
    let frequency = 0
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string
      if (prefix ? token.startsWith(term) : token === term) frequency += t < labelTokens ? LABEL_WEIGHT : TEXT_WEIGHT
    }
    score += (idfs[i] as number) * ((frequency * (K1 + 1)) / (frequency + saturation))
  }
  return score
}
