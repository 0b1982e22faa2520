import { GraphKeepError } from '../../../shared/errors.ts'
import type { SearchCounts, SearchCountsInput, SearchHit, SearchQuery, SearchResult } from '../../../shared/search.ts'
import type { Db } from '../db.ts'
import { decodeCursor, encodeCursor } from '../repos/cursor.ts'
import { toNode, type NodeRow } from '../repos/rows.ts'
import { matchingNodeIds } from './node-match.ts'
import {
  allMatchIds, countMatches, exactLabelRows, hasExactLabel, matchIdsNewestFirst, matchTypesNewestFirst, inOneSnapshot, newestMatchIds, nodeRowsByIds,
} from '../repos/search.ts'
import type { Calls } from '../api.ts'
import type { ParsedInput } from '../../../shared/contract.ts'
import { snippetFor } from './search-snippet.ts'
import { searchTerms, type SearchTerms } from './search-terms.ts'
import { bm25, type Phrase } from './search-bm25.ts'
import { expectedMatches, phraseIdfs, phraseLists, searchCache, tokensOf } from './search-cache.ts'
import { intersectNewestFirst } from './search-doclists.ts'

/**
 * Results come in three tiers, and the cursor says where a page ends:
 *   0 exact  — the label equals the search text, in id order (found through the label index);
 *   1 ranked — the newest RANK_WINDOW matches (less the exact ones), by score (then id);
 *   2 rest   — every later match, newest first, unranked.
 * Ranking every match of a common term would cost time in proportion to the whole store; this costs
 * at most RANK_WINDOW row reads and scorings per page (scored here, see search-bm25.ts), and no match
 * is ever left out.
 */
export const RANK_WINDOW = 200
/** search.counts stops counting here; the counts are then lower bounds. */
export const COUNT_CAP = 10_000

type Tier = 0 | 1 | 2
interface Position { tier: Tier; a: number; b: number }
interface Pick { id: number; score: number; tier: Tier; row?: NodeRow }
interface ScoredId { id: number; score: number; exact: boolean }

const NO_MORE_ROWID = Number.MAX_SAFE_INTEGER

function readCursor(cursor: string | undefined): Position {
  if (cursor === undefined) return { tier: 0, a: 0, b: 0 }
  const [tier, a, b] = decodeCursor(cursor, 3)
  if ((tier !== 0 && tier !== 1 && tier !== 2) || typeof a !== 'number' || typeof b !== 'number') {
    throw new GraphKeepError('VALIDATION', 'the cursor is not valid for this search; start again from the first page')
  }
  return { tier, a, b }
}

const cursorAfter = (pick: Pick) => encodeCursor(pick.tier === 1 ? [1, pick.score, pick.id] : [pick.tier, pick.id, 0])
const byScore = (x: Omit<ScoredId, 'exact'>, y: Omit<ScoredId, 'exact'>) => y.score - x.score || x.id - y.id

const phrasesOf = ({ terms, prefix }: SearchTerms): Phrase[] =>
  terms.map((term, i) => ({ term, prefix: prefix !== null && i === terms.length - 1 }))

/** SQLite's NOCASE: only ASCII letters are folded (the label column's collation). */
const nocase = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

export function createSearchCalls(db: Db) {
  function collect(query: SearchQuery, match: string, phrases: Phrase[], from: Position, want: number): Pick[] {
    const filter = { types: query.types, where: query.where }
    const cache = searchCache(db)
    // Whether any label equals the text (one index entry read), then the page's exact hits if so:
    // reading rows in id order costs more than the probe even when there are none.
    const label = hasExactLabel(db, query.text, filter) ? nocase(query.text) : null
    const exactRows = from.tier === 0 && label !== null ? exactLabelRows(db, query.text, filter, from.a, want) : []
    const idfs = phraseIdfs(db, cache, phrases)
    // Without a filter, several phrases' kept id lists are intersected here instead of by FTS5.
    const lists = query.types?.length || query.where?.length ? null : phraseLists(cache, phrases)
    const newestIds = (beforeId: number, limit: number, fewExpected: boolean) => lists
      ? intersectNewestFirst(lists, beforeId, limit)
      : beforeId === NO_MORE_ROWID
        ? newestMatchIds(db, match, filter, limit, fewExpected)
        : matchIdsNewestFirst(db, match, { filter, beforeId, limit })
    /** Rows read here for their text: the page's items among them need not be read again. */
    const rows = new Map<number, NodeRow>()
    /** Scores (and exactness) of matching nodes, reading the text only of those not cached. */
    function scored(ids: number[]): ScoredId[] {
      const missing = ids.filter((id) => !cache.nodes.has(id))
      if (missing.length > 0) {
        for (const row of nodeRowsByIds(db, missing)) {
          tokensOf(cache, row.id, row)
          rows.set(row.id, row)
        }
      }
      const hits: ScoredId[] = []
      for (const id of ids) {
        const tokens = cache.nodes.get(id)
        // A node deleted since its id was read is left out.
        if (tokens) hits.push({ id, score: bm25(tokens, phrases, idfs, cache.totals), exact: label !== null && tokens.label.length === label.length && nocase(tokens.label) === label })
      }
      return hits
    }
    const picks: Pick[] = exactRows.map((row) => ({ id: row.id, score: bm25(tokensOf(cache, row.id, row), phrases, idfs, cache.totals), tier: 0, row }))
    // A page full of exact hits needs nothing else: the next page goes on in tier 0.
    if (picks.length >= want) return picks
    let tailFrom = from.tier === 2 ? from.a : NO_MORE_ROWID
    if (from.tier < 2) {
      // The window is the newest RANK_WINDOW matches, exact ones included; they are listed in tier 0 instead.
      const windowIds = newestIds(NO_MORE_ROWID, RANK_WINDOW, expectedMatches(cache, phrases) <= RANK_WINDOW)
      const ranked = scored(windowIds).filter((hit) => !hit.exact).sort(byScore)
      const start = from.tier === 1 ? ranked.findIndex((hit) => byScore(hit, { id: from.b, score: from.a }) > 0) : 0
      if (start >= 0) for (const hit of ranked.slice(start, start + want - picks.length)) picks.push({ id: hit.id, score: hit.score, tier: 1, row: rows.get(hit.id) })
      if (picks.length >= want || windowIds.length < RANK_WINDOW) return picks
      tailFrom = windowIds[windowIds.length - 1] as number
    }
    while (picks.length < want) {
      const ids = newestIds(tailFrom, want - picks.length, false)
      for (const hit of scored(ids)) if (!hit.exact) picks.push({ id: hit.id, score: hit.score, tier: 2, row: rows.get(hit.id) })
      if (ids.length === 0) break
      tailFrom = ids[ids.length - 1] as number
    }
    return picks
  }

  function search(query: SearchQuery): SearchResult {
    const terms = searchTerms(query.text)
    const { match } = terms
    if (match === null) return { items: [], nextCursor: null, rankWindow: RANK_WINDOW }
    const picks = collect(query, match, phrasesOf(terms), readCursor(query.cursor), query.limit + 1)
    const more = picks.length > query.limit
    if (more) picks.length = query.limit
    const loaded = new Map(nodeRowsByIds(db, picks.filter((p) => !p.row).map((p) => p.id)).map((row) => [row.id, row]))
    const items: SearchHit[] = []
    for (const pick of picks) {
      const row = pick.row ?? loaded.get(pick.id)
      if (!row) continue
      const node = toNode(row)
      items.push({ node, exact: pick.tier === 0, score: pick.score, ranked: pick.tier < 2, snippet: snippetFor(node, terms) })
    }
    const last = picks[picks.length - 1]
    return { items, nextCursor: more && last ? cursorAfter(last) : null, rankWindow: RANK_WINDOW }
  }

  function searchCounts(query: SearchCountsInput): SearchCounts {
    const { match } = searchTerms(query.text)
    if (match === null) return { total: 0, capped: false, byType: [] }
    const types = matchTypesNewestFirst(db, match, { where: query.where }, COUNT_CAP + 1)
    const capped = types.length > COUNT_CAP
    if (capped) types.length = COUNT_CAP
    const counts = new Map<string, number>()
    for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1)
    const byType = [...counts].map(([type, count]) => ({ type, count }))
    byType.sort((x, y) => y.count - x.count || (x.type < y.type ? -1 : x.type > y.type ? 1 : 0))
    return { total: types.length, capped, byType }
  }

  /** Every match counted: from the index alone, or intersected with the filter's ids from the node columns. */
  function searchTotal(query: ParsedInput<'search.total'>): { total: number } {
    const { match } = searchTerms(query.text)
    if (match === null) return { total: 0 }
    if (!query.types?.length && !query.where?.length) return { total: countMatches(db, match) }
    const passing = matchingNodeIds(db, query)
    const marks = new Uint8Array((passing.at(-1) ?? 0) + 1)
    for (const id of passing) marks[id] = 1
    let total = 0
    for (const id of allMatchIds(db, match)) if (marks[id] === 1) total++
    return { total }
  }

  return {
    query: (query) => inOneSnapshot(db, () => search(query)),
    counts: searchCounts,
    total: searchTotal,
    explain({ text }) {
      const { terms, prefix } = searchTerms(text)
      return { terms, prefix }
    },
  } satisfies Calls<'search'>
}
