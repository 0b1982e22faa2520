import type { Db } from '../db.ts'
import { countMatches, matchIdsAscending } from '../repos/search.ts'
import { dataStamp, fullTextTotals, wordDocumentCount } from '../repos/search-stats.ts'
import { keptList, keptSize, type KeptList } from './search-doclists.ts'
import { idf, tokenize, type IndexTotals, type NodeText, type Phrase, type TokenizedNode } from './search-bm25.ts'

// What scoring reads besides the candidates' ids, kept per connection until the data changes: the
// index totals, each phrase's document count (a read of its whole doclist) and each candidate's
// tokens (a row read and a tokenizing). A page of results then costs about the same for a word in
// every node as for a rare one, and repeated searches over the same nodes read only ids.
// Several phrases' matching ids are kept too, for services/search-doclists.ts.
// A query of one phrase needs no document count: its idf is the same factor in every score and
// changes no order, so it is left out.

export interface SearchCache {
  totals: IndexTotals
  /** Document counts by phrase ('=' word, '*' prefix). */
  hits: Map<string, number>
  /** Tokens by node id. */
  nodes: Map<number, TokenizedNode>
  /** Matching ids by phrase, as ids or a bitmap (services/search-doclists.ts), while they fit in MAX_LIST_IDS. */
  lists: Map<string, KeptList>
  listIds: number
}

const caches = new WeakMap<Db, SearchCache & { stamp: string }>()
/**
 * Beyond this many cached nodes (about 100 windows of candidates, ~10 MB) or phrases the cache starts
 * afresh, so that each reader's memory stays bounded.
 */
const MAX_NODES = 20_000
const MAX_PHRASES = 10_000
/**
 * Ids and bitmap words kept in phrase lists (4 bytes each: 8 MB), about every word's list of a
 * 100k-node store. The first list that does not fit closes them: later phrases are only counted.
 */
const MAX_LIST_IDS = 2_000_000

export function searchCache(db: Db): SearchCache {
  const stamp = dataStamp(db)
  let cache = caches.get(db)
  if (!cache || cache.stamp !== stamp || cache.hits.size > MAX_PHRASES) {
    cache = { stamp, totals: fullTextTotals(db), hits: new Map(), nodes: new Map(), lists: new Map(), listIds: 0 }
    caches.set(db, cache)
  }
  // Only the tokens start afresh when there are too many: the document counts cost more to read again.
  if (cache.nodes.size > MAX_NODES) cache.nodes.clear()
  return cache
}

export const quotedPhrase = (phrase: Phrase) => `"${phrase.term.replaceAll('"', '""')}"${phrase.prefix ? '*' : ''}`

const hitsKey = (phrase: Phrase) => `${phrase.prefix ? '*' : '='}${phrase.term}`

/**
 * About how many nodes hold all the phrases, were they spread independently: known once phraseIdfs
 * has counted each (several phrases), else Infinity.
 */
export function expectedMatches(cache: SearchCache, phrases: readonly Phrase[]): number {
  let expected = cache.totals.rows
  for (const phrase of phrases) expected *= (cache.hits.get(hitsKey(phrase)) ?? Infinity) / Math.max(1, cache.totals.rows)
  return phrases.length > 1 ? expected : Infinity
}

/**
 * Each phrase's idf (1 for a single phrase, see above). A phrase seen for the first time has its
 * matching ids read, which counts them, and kept while they fit.
 */
export function phraseIdfs(db: Db, cache: SearchCache, phrases: readonly Phrase[]): number[] {
  if (phrases.length === 1) return [1]
  return phrases.map((phrase) => {
    const key = hitsKey(phrase)
    let hits = cache.hits.get(key)
    if (hits === undefined && cache.listIds < MAX_LIST_IDS) {
      const ids = matchIdsAscending(db, quotedPhrase(phrase))
      hits = ids.length
      const list = (ids.at(-1) ?? 0) <= MAX_LISTED_ID ? keptList(ids) : null
      const size = list ? keptSize(list) : Infinity
      if (list && cache.listIds + size <= MAX_LIST_IDS) {
        cache.lists.set(key, list)
        cache.listIds += size
      } else cache.listIds = MAX_LIST_IDS
    }
    // Once the lists are full, a count alone: a word's from the vocabulary, which is quicker still.
    if (hits === undefined) hits = phrase.prefix ? countMatches(db, quotedPhrase(phrase)) : wordDocumentCount(db, phrase.term)
    cache.hits.set(key, hits)
    return idf(cache.totals.rows, hits)
  })
}

const MAX_LISTED_ID = 0xffff_ffff

/** Every phrase's matching ids, when all are kept (after phraseIdfs), else null. */
export function phraseLists(cache: SearchCache, phrases: readonly Phrase[]): KeptList[] | null {
  const lists: KeptList[] = []
  for (const phrase of phrases) {
    const list = cache.lists.get(hitsKey(phrase))
    if (!list) return null
    lists.push(list)
  }
  return lists
}

/** The tokens of a node whose text is at hand, cached. */
export function tokensOf(cache: SearchCache, id: number, text: NodeText): TokenizedNode {
  let tokens = cache.nodes.get(id)
  if (!tokens) cache.nodes.set(id, (tokens = tokenize(text)))
  return tokens
}
