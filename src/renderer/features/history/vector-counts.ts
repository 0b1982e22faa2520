import { formatCountOf } from '../../lib/format.ts'

/** What a batch did to embedding vectors, from its counts ("Set 2,000 vectors"), or null when it did nothing to them. */
export function describeVectorCounts(counts: Record<string, number>): string | null {
  const set = counts['embedding.set'] ?? 0
  const removed = counts['embedding.delete'] ?? 0
  const parts = [set ? `set ${formatCountOf(set, 'vector')}` : '', removed ? `removed ${formatCountOf(removed, 'vector')}` : ''].filter(Boolean)
  if (parts.length === 0) return null
  const text = parts.join(', ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (vectors are listed by count, not one by one).`
}
