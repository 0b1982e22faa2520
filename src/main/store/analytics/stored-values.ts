import type { Db } from '../db.ts'
import { getMetricRun, metricBlobs } from '../repos/metric-runs.ts'
import { RunValuesCache, type RunValues } from './run-values.ts'

interface ConnectionCache {
  runs: RunValuesCache
  /** runId → when the cached run was stored: a run id freed by a delete can be taken by a newer run. */
  stamps: Map<number, string>
}

const caches = new WeakMap<Db, ConnectionCache>()

/**
 * A run's decoded values for reads outside the analytics service (expand by metric runs on a
 * reader connection, whose service cache never hears of a delete): checked against the run's row
 * on every use, which costs one indexed lookup, not the blobs.
 */
export function storedRunValues(db: Db, runId: number): RunValues | undefined {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = { runs: new RunValuesCache(2), stamps: new Map() }))
  const row = getMetricRun(db, runId)
  if (!row) {
    cache.runs.forget(runId)
    return undefined
  }
  const stamp = `${row.startedAt}:${row.durationMs}`
  if (cache.stamps.get(runId) !== stamp) cache.runs.forget(runId)
  cache.stamps.set(runId, stamp)
  return cache.runs.get(runId, () => metricBlobs(db, runId))
}
