import type { SearchCounts } from '../../../shared/search.ts'
import { formatCount } from '../../lib/format.ts'

/** "1 result", "1,234 results", or "10,000+ results" when counting stopped at its cap. */
export function describeSearchCount(counts: Pick<SearchCounts, 'total' | 'capped'>): string {
  const noun = counts.total === 1 && !counts.capped ? 'result' : 'results'
  return `${formatCount(counts.total)}${counts.capped ? '+' : ''} ${noun}`
}

/** The total over the chosen types (all types when none is chosen). */
export function countForTypes(counts: SearchCounts, types: string[]): Pick<SearchCounts, 'total' | 'capped'> {
  if (types.length === 0) return counts
  const total = counts.byType.filter((entry) => types.includes(entry.type)).reduce((sum, entry) => sum + entry.count, 0)
  return { total, capped: counts.capped }
}
