import type { MetricRun } from '../../../shared/analytics.ts'

/** What one group of a run is called: communities (Louvain) or components. */
export const groupNoun = (run: Pick<MetricRun, 'algorithm'>): string => (run.algorithm === 'louvain' ? 'Community' : 'Component')

/** The grouping menu's entry for a run: "By community (Community · person)". */
export const groupByRunLabel = (run: Pick<MetricRun, 'algorithm' | 'label' | 'stale'>): string =>
  `By ${groupNoun(run).toLowerCase()} (${run.label}${run.stale ? ', stale' : ''})`

/**
 * Each node's group name from a run's values: "Community 3 (41)", the count being its members in
 * view. Nodes the run did not cover get no name (and stay ungrouped).
 */
export function runGroupNames(values: Record<string, [number, number]>, keys: readonly string[], noun: string): Map<string, string> {
  const counts = new Map<number, number>()
  for (const key of keys) {
    const found = values[key]
    if (found) counts.set(found[0], (counts.get(found[0]) ?? 0) + 1)
  }
  const names = new Map<string, string>()
  for (const key of keys) {
    const found = values[key]
    if (found) names.set(key, `${noun} ${found[0]} (${counts.get(found[0])})`)
  }
  return names
}
