import type { CallStatistics, QueryLogSummary } from '../../../shared/querylog.ts'
import type { TimingRow } from '../repos/query-log.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const bucketMs = { minute: MINUTE, hour: HOUR, day: DAY } as const
type Bucket = keyof typeof bucketMs

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number
}

/** Minutes for up to six hours, hours for up to two weeks, days beyond: a chart of tens to hundreds of points. */
export function bucketFor(spanMs: number): Bucket {
  if (spanMs <= 6 * HOUR) return 'minute'
  if (spanMs <= 14 * DAY) return 'hour'
  return 'day'
}

const ascending = (values: number[]) => Float64Array.from(values).sort()

export function callStatistics(rows: readonly TimingRow[]): CallStatistics[] {
  const byMethod = new Map<string, { durations: number[]; errors: number }>()
  for (const [, method, duration, failed] of rows) {
    let group = byMethod.get(method)
    if (!group) byMethod.set(method, (group = { durations: [], errors: 0 }))
    group.durations.push(duration)
    group.errors += failed
  }
  return [...byMethod].map(([method, { durations, errors }]) => {
    const sorted = ascending(durations)
    return { method, count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0, errors }
  }).sort((a, b) => b.p95 - a.p95 || a.method.localeCompare(b.method))
}

/** p50 and p95 per bucket of time, oldest first; the bucket size follows the span asked for (or the span of the rows). */
export function latencySeries(rows: readonly TimingRow[], range: { from?: number; to?: number }): Pick<QueryLogSummary, 'bucket' | 'latency'> {
  const first = range.from ?? rows[0]?.[0] ?? 0
  const last = range.to ?? rows[rows.length - 1]?.[0] ?? first
  const bucket = bucketFor(last - first)
  const size = bucketMs[bucket]
  const groups = new Map<number, number[]>()
  for (const [at, , duration] of rows) {
    const t = Math.floor(at / size) * size
    let group = groups.get(t)
    if (!group) groups.set(t, (group = []))
    group.push(duration)
  }
  const latency = [...groups]
    .sort(([a], [b]) => a - b)
    .map(([t, durations]) => {
      const sorted = ascending(durations)
      return { t, count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) }
    })
  return { bucket, latency }
}
