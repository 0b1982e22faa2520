import { foldToken } from './search-terms.ts'
import { textValuesOf } from './search-text-values.ts'

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

/**
 * A node's text folded as the index folds it, the label first: a search word is found with indexOf
 * and a look at the characters around it, so no token becomes a string or an array of its own (a
 * page costs less, and a cache of many nodes costs the garbage collector little).
 */
export interface TokenizedNode {
  label: string
  /**
   * Printable ASCII: the label and the text values lower-cased, one space between them. Otherwise
   * their folded tokens, one space between each (`spaced`).
   */
  folded: string
  spaced: boolean
  /** Where the label ends in `folded`: a match found before it is in the label. */
  labelEnd: number
  /** How many tokens, label and text together (the document length bm25 divides by). */
  length: number
}

/** FTS5's inverse document frequency of a phrase found in `hits` of `rows` rows. */
export function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5))
  return value > 0 ? value : 1e-6
}

/** Printable ASCII only (text with tabs or newlines takes the general path, which is as correct). */
const ASCII = /^[ -~]*$/
/** services/search-terms.ts's token pattern, applied to text folded as a whole (the same tokens, folded once). */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu
const SPACE = 32

/** In lower-cased printable ASCII, tokens are the runs of letters and digits (as the ASCII pattern of search-terms.ts). */
const isAsciiTokenChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57)

function asciiTokenCount(text: string): number {
  let count = 0
  let inside = false
  for (let i = 0; i < text.length; i++) {
    const token = isAsciiTokenChar(text.charCodeAt(i))
    if (token && !inside) count++
    inside = token
  }
  return count
}

/** Tokens as the index's tokenizer makes them (services/search-terms.ts): the label, then what NODE_TEXT indexes. */
export function tokenize(node: NodeText): TokenizedNode {
  // Top-level string values, as NODE_TEXT (repos/node-text.ts) puts them in the text column.
  const text = textValuesOf(node.props)
  const whole = node.label + text
  if (ASCII.test(whole)) {
    const folded = whole.toLowerCase()
    return { label: node.label, folded, spaced: false, labelEnd: node.label.length, length: asciiTokenCount(folded) }
  }
  const label = foldToken(node.label).match(TOKEN) ?? []
  const rest = foldToken(text).match(TOKEN) ?? []
  const folded = [...label, ...rest].join(' ')
  return { label: node.label, folded, spaced: true, labelEnd: label.join(' ').length, length: label.length + rest.length }
}

/** How often the phrase is a token (or, as a prefix, starts one) of the node, a match in the label weighing LABEL_WEIGHT. */
function frequency(node: TokenizedNode, { term, prefix }: Phrase): number {
  const { folded, spaced, labelEnd } = node
  let frequency = 0
  for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
    const before = at === 0 ? SPACE : folded.charCodeAt(at - 1)
    const end = at + term.length
    const after = end === folded.length ? SPACE : folded.charCodeAt(end)
    const starts = spaced ? before === SPACE : !isAsciiTokenChar(before)
    const ends = prefix || (spaced ? after === SPACE : !isAsciiTokenChar(after))
    if (starts && ends) frequency += at < labelEnd ? LABEL_WEIGHT : TEXT_WEIGHT
  }
  return frequency
}

/** A node's bm25 score for the phrases, higher is better (FTS5's bm25() negated), given each phrase's idf. */
export function bm25(node: TokenizedNode, phrases: readonly Phrase[], idfs: readonly number[], totals: IndexTotals): number {
  const averageLength = totals.rows > 0 ? totals.tokens / totals.rows : 1
  const saturation = K1 * (1 - B + (B * node.length) / averageLength)
  let score = 0
  for (let i = 0; i < phrases.length; i++) {
    const f = frequency(node, phrases[i] as Phrase)
    score += (idfs[i] as number) * ((f * (K1 + 1)) / (f + saturation))
  }
  return score
}
