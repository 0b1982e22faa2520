import type { GroupSizes, MetricRun, MetricValue, MetricValues, NodeMetrics, ValuesOf } from '../../../shared/analytics.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { In } from '../api.ts'
import type { Db } from '../db.ts'
import { graphNodesByIds, nodeIdsByKeys } from '../repos/graph-nodes.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { firstAtOrBelow, firstBelow } from './ranking.ts'
import { valueOfNode, type RunValues } from './run-values.ts'

/**
 * A page of a run's values, highest first (or lowest), within [min, max] and among the top N: the
 * filters are bounds found by binary search in the descending values, the page a slice of the
 * ranked positions, so a page costs the same at a million nodes as at a thousand.
 */
export function readValues(db: Db, run: RunValues, other: RunValues | undefined, input: In<'analytics.values'>): MetricValues {
  const { ranked, ids, values } = run
  let start = 0
  let end = ranked.length
  if (input.top !== undefined) end = Math.min(end, input.top)
  if (input.max !== undefined) start = Math.max(start, firstAtOrBelow(run, input.max))
  if (input.min !== undefined) end = Math.min(end, firstBelow(run, input.min))
  const total = Math.max(0, end - start)
  const positions: number[] = []
  for (let k = input.offset; k < Math.min(total, input.offset + input.limit); k++) {
    positions.push(ranked[input.order === 'desc' ? start + k : end - 1 - k]!)
  }
  const found = new Map(graphNodesByIds(db, JSON.stringify(positions.map((p) => ids[p]!))).map((row) => [row[0], row]))
  const rows: MetricValue[] = []
  for (const position of positions) {
    const node = found.get(ids[position]!)
    if (!node) continue
    const value = values[position]!
    const row: MetricValue = { key: node[1], type: node[2], label: node[3], value, rank: firstAtOrBelow(run, value) + 1 }
    if (other) row.other = valueOfNode(other, node[0])?.value ?? null
    rows.push(row)
  }
  return { rows, total, nodeCount: ids.length }
}

/** Value and rank of each of `keys` in each run. */
export function valuesOfKeys(db: Db, keys: string[], runs: readonly (readonly [number, RunValues])[]): ValuesOf {
  const idsByKey = nodeIdsByKeys(db, JSON.stringify(keys))
  const result: ValuesOf['values'] = {}
  for (const [runId, run] of runs) {
    const byKey: Record<string, [number, number]> = {}
    for (const [key, id] of idsByKey) {
      const found = valueOfNode(run, id)
      if (found) byKey[key] = [found.value, found.rank]
    }
    result[runId] = byKey
  }
  return { values: result }
}

/** The node's value and rank in the newest run of each distinct metric (algorithm, parameters, scope) that covered it. */
export function nodeMetricsOf(db: Db, key: string, runs: readonly MetricRun[], valuesOf: (runId: number) => RunValues): NodeMetrics {
  const id = getNodeIdByKey(db, key)
  if (id === undefined) throw new GraphKeepError('NOT_FOUND', `there is no node with key "${key}"`, { key })
  const seen = new Set<string>()
  const metrics: NodeMetrics['metrics'] = []
  for (const run of runs) {
    const signature = JSON.stringify([run.algorithm, run.params, run.scope])
    if (seen.has(signature)) continue
    seen.add(signature)
    const found = valueOfNode(valuesOf(run.id), id)
    if (found) metrics.push({ run, ...found, of: run.nodeCount })
  }
  return { metrics }
}

/** Members per value (component or community number), largest first; `limit` groups at most. */
export function groupSizesOf(run: RunValues, limit: number): GroupSizes {
  const sizes = new Map<number, number>()
  for (const value of run.values) sizes.set(value, (sizes.get(value) ?? 0) + 1)
  const groups = [...sizes].map(([group, size]) => ({ group, size })).sort((a, b) => b.size - a.size || a.group - b.group)
  return { groups: groups.slice(0, limit), total: groups.length }
}
