import { z } from 'zod'
import { cursor, node, propertyFilter, typeCount, typeList } from './domain.ts'

/** What the user typed; any characters are allowed (FTS syntax is escaped, never an error). */
export const searchText = z.string().trim().min(1, 'type something to search for').max(500, 'a search is limited to 500 characters')

export const searchInput = z.strictObject({
  text: searchText,
  types: typeList.optional(),
  where: z.array(propertyFilter).max(20).optional(),
  limit: z.number().int().min(1).max(200).default(20),
  cursor: cursor.optional(),
})
export type SearchInput = z.input<typeof searchInput>
export type SearchQuery = z.output<typeof searchInput>

/** A piece of the text a node was found by, with the matched terms marked as [start, end) offsets. */
export const snippet = z.object({
  /** 'label', or the name of the text property the terms were found in. */
  field: z.string(),
  text: z.string(),
  highlights: z.array(z.tuple([z.number(), z.number()])),
})
export type Snippet = z.infer<typeof snippet>

export const searchHit = z.object({
  node,
  /** The label equals the search text (ignoring case): such hits always come first. */
  exact: z.boolean(),
  /** Higher is better (negated bm25, the label weighted five times the text; for one word, without its idf, a factor common to every hit). */
  score: z.number(),
  /**
   * Ranked by score among the first `rankWindow` matches; false for matches beyond that window,
   * which follow in index order (newest first) so that a common term never ranks every match.
   */
  ranked: z.boolean(),
  /** Offsets are UTF-16 code units into `text`, as JavaScript strings count them. */
  snippet,
})
export type SearchHit = z.infer<typeof searchHit>

export const searchResult = z.object({
  items: z.array(searchHit),
  nextCursor: z.string().nullable(),
  /** How many matches (newest first, exact label matches aside) are ranked by score. */
  rankWindow: z.number(),
})
export type SearchResult = z.infer<typeof searchResult>

export const searchCountsInput = z.strictObject({ text: searchText, where: z.array(propertyFilter).max(20).optional() })
export type SearchCountsInput = z.input<typeof searchCountsInput>
export const searchCounts = z.object({
  total: z.number(),
  /** Counting stopped at a cap: the numbers are lower bounds. */
  capped: z.boolean(),
  byType: z.array(typeCount),
})
export type SearchCounts = z.infer<typeof searchCounts>

/** How search text is read: the words searched (case and accents folded), and whether the last also matches as a prefix. */
export const searchExplanation = z.object({
  terms: z.array(z.string()),
  prefix: z.string().nullable(),
})
export type SearchExplanation = z.infer<typeof searchExplanation>
