import type { SearchHit } from '../../../shared/search.ts'

/**
 * What a hit's place in the list rests on. An exact label match comes first whatever its bm25 score,
 * so it shows why instead of a score lower than the hits below it.
 */
export function rankNote(hit: Pick<SearchHit, 'exact' | 'ranked' | 'score'>): { text: string; title: string } {
  if (hit.exact) return { text: 'listed first', title: 'The label equals the search text, so it comes before every ranked match, whatever its score' }
  if (!hit.ranked) return { text: 'unranked', title: 'Beyond the ranked window: listed newest first' }
  return { text: `score ${hit.score.toFixed(2)}`, title: 'bm25 relevance; higher is better (a label match weighs five times a match in the text)' }
}
