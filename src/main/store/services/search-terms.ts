// How search text becomes FTS5 terms. Mirrors the index's tokenizer (unicode61, remove_diacritics 2):
// runs of letters, digits and private-use characters are tokens; case and diacritics are folded.

/** A token starts with a letter, digit or private-use character; combining marks stay with it. */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu

const PRINTABLE_ASCII = /^[ -~]*$/

/** Case- and diacritic-free form of a token, as the index stores it. */
export function foldToken(token: string): string {
  // Printable ASCII has nothing to decompose: the common case skips two normalizations.
  if (PRINTABLE_ASCII.test(token)) return token.toLowerCase()
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC')
}

export interface SearchTerms {
  /** Folded terms in the order typed, without repeats. */
  terms: string[]
  /** The last term when it also matches as a prefix (from MIN_PREFIX letters on), else null. */
  prefix: string | null
  /** The FTS5 MATCH expression: every term quoted, the last as a prefix; null when nothing is searchable. */
  match: string | null
}

/** At most this many terms reach FTS5; more add nothing a person could type on purpose. */
const MAX_TERMS = 32
/** The shortest last term that also matches as a prefix; the index keeps 2- to 8-letter prefixes (migrations 3, 12). */
export const MIN_PREFIX = 2

export function searchTerms(text: string): SearchTerms {
  const terms: string[] = []
  for (const [token] of text.matchAll(TOKEN)) {
    const folded = foldToken(token)
    if (folded && !terms.includes(folded)) terms.push(folded)
    if (terms.length === MAX_TERMS) break
  }
  if (terms.length === 0) return { terms, prefix: null, match: null }
  // Quoting makes every term a plain string to FTS5: NEAR, AND, OR, NOT, *, ^, : and parentheses lose meaning.
  const quoted = terms.map((term) => `"${term.replaceAll('"', '""')}"`)
  // One letter would be a prefix of a large part of every vocabulary: it is searched as a word.
  const last = terms[terms.length - 1] as string
  const prefix = [...last].length >= MIN_PREFIX ? last : null
  if (prefix !== null) quoted[quoted.length - 1] += '*'
  return { terms, prefix, match: quoted.join(' ') }
}

export interface TokenSpan {
  start: number
  end: number
  folded: string
}

/** Printable ASCII's tokens are its runs of letters and digits, lower-cased: found without the Unicode pattern. */
function asciiTokenSpans(text: string): TokenSpan[] {
  const lower = text.toLowerCase()
  const spans: TokenSpan[] = []
  let start = -1
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32
    const inToken = (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
    if (inToken && start < 0) start = i
    else if (!inToken && start >= 0) {
      spans.push({ start, end: i, folded: lower.slice(start, i) })
      start = -1
    }
  }
  return spans
}

/** Every token of a text with its [start, end) offsets in UTF-16 code units. */
export function tokenSpans(text: string): TokenSpan[] {
  if (PRINTABLE_ASCII.test(text)) return asciiTokenSpans(text)
  const spans: TokenSpan[] = []
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index
    spans.push({ start, end: start + match[0].length, folded: foldToken(match[0]) })
  }
  return spans
}
