import type { Node } from '../../../shared/domain.ts'
import type { Snippet } from '../../../shared/search.ts'
import { tokenSpans, type SearchTerms } from './search-terms.ts'

/** Longer field values are cut to a window of about this many characters around the first match. */
const WINDOW = 160
const LEAD = 40

function highlightsIn(text: string, { terms, prefix }: SearchTerms): { highlights: [number, number][]; matched: Set<string> } {
  const highlights: [number, number][] = []
  const matched = new Set<string>()
  for (const span of tokenSpans(text)) {
    const term = terms.includes(span.folded) ? span.folded : prefix !== null && span.folded.startsWith(prefix) ? prefix : null
    if (term === null) continue
    highlights.push([span.start, span.end])
    matched.add(term)
  }
  return { highlights, matched }
}

/** Cuts a long text to a window that starts a little before the first highlight, shifting the offsets. */
function windowed(field: string, text: string, highlights: [number, number][]): Snippet {
  if (text.length <= WINDOW) return { field, text, highlights }
  const first = highlights[0]?.[0] ?? 0
  let start = Math.max(0, first - LEAD)
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start -= 1
  let end = Math.min(text.length, start + WINDOW)
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(end))) end += 1
  const before = start > 0 ? '…' : ''
  const shift = before.length - start
  const inside = highlights.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s + shift, e + shift])
  return { field, text: before + text.slice(start, end) + (end < text.length ? '…' : ''), highlights: inside }
}

/**
 * The part of a node that best shows why it matched: the label or the top-level string property
 * holding the most distinct search terms (the label wins ties), with every matched term marked.
 * Computed here because the full-text index is contentless and keeps no text to highlight.
 */
export function snippetFor(node: Node, terms: SearchTerms): Snippet {
  let best: { field: string; text: string; highlights: [number, number][]; score: number } | null = null
  const fields: [string, string][] = [['label', node.label]]
  for (const [name, value] of Object.entries(node.properties)) if (typeof value === 'string') fields.push([name, value])
  for (const [field, text] of fields) {
    const { highlights, matched } = highlightsIn(text, terms)
    if (highlights.length > 0 && (best === null || matched.size > best.score)) best = { field, text, highlights, score: matched.size }
  }
  if (best === null) return windowed('label', node.label, [])
  return windowed(best.field, best.text, best.highlights)
}
