import type { Db } from '../db.ts'
import { countMatches } from '../repos/search.ts'
import { dataStamp, fullTextTotals, wordDocumentCount } from '../repos/search-stats.ts'
import { idf, type IndexTotals, type Phrase } from './search-bm25.ts'

// Document counts cost a read of a phrase's whole doclist: they are cached per connection until the
// data changes, so a page of results costs the same for a word in every node as for a rare one.
// A query of one phrase needs none: its idf is the same factor in every score and changes no order.

interface Cache {
  stamp: string
  totals: IndexTotals
  hits: Map<string, number>
}

const caches = new WeakMap<Db, Cache>()
/** Beyond this many phrases the cache starts afresh (a guard, not a tuning knob). */
const MAX_CACHED = 50_000

function cacheOf(db: Db): Cache {
  const stamp = dataStamp(db)
  let cache = caches.get(db)
  if (!cache || cache.stamp !== stamp || cache.hits.size > MAX_CACHED) {
    cache = { stamp, totals: fullTextTotals(db), hits: new Map() }
    caches.set(db, cache)
  }
  return cache
}

export const quotedPhrase = (phrase: Phrase) => `"${phrase.term.replaceAll('"', '""')}"${phrase.prefix ? '*' : ''}`

/** The index totals, and each phrase's idf (1 for a single phrase, see above). */
export function phraseWeights(db: Db, phrases: readonly Phrase[]): { totals: IndexTotals; idfs: number[] } {
  const cache = cacheOf(db)
  if (phrases.length === 1) return { totals: cache.totals, idfs: [1] }
  const idfs = phrases.map((phrase) => {
    const key = `${phrase.prefix ? '*' : '='}${phrase.term}`
    let hits = cache.hits.get(key)
    if (hits === undefined) {
      hits = phrase.prefix ? countMatches(db, quotedPhrase(phrase)) : wordDocumentCount(db, phrase.term)
      cache.hits.set(key, hits)
    }
    return idf(cache.totals.rows, hits)
  })
  return { totals: cache.totals, idfs }
}
