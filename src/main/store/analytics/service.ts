import { randomUUID } from 'node:crypto'
import { metricLabel, type Algorithm, type MetricRun, type RunMetricRequest } from '../../../shared/analytics.ts'
import type { AppEvent } from '../../../shared/events.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Calls } from '../api.ts'
import type { Db } from '../db.ts'
import { deleteMetricRun, getMetricRun, latestGraphChangeAfter, listMetricRuns, metricBlobs, saveMetricRun, type MetricRunRow } from '../repos/metric-runs.ts'
import { createProgress } from '../transfer/progress.ts'
import { computeMetric } from './compute.ts'
import { degreeHistogram } from './degree-histogram.ts'
import { analysisGraphOf } from './graph-from-store.ts'
import { Pacer } from './pacer.ts'
import { readValues, groupSizesOf, nodeMetricsOf, valuesOfKeys } from './reads.ts'
import { encodeValues, RunValuesCache } from './run-values.ts'

export interface AnalyticsContext {
  readOnly: boolean
  onEvent?: (event: AppEvent) => void
}

function runOfRow(row: MetricRunRow, latestChange: number): MetricRun {
  const params = JSON.parse(row.params) as Record<string, unknown>
  const scope = JSON.parse(row.scope) as MetricRun['scope']
  const algorithm = row.algorithm as Algorithm
  return {
    id: row.id, algorithm, params, scope, batchId: row.batchId, startedAt: row.startedAt, durationMs: row.durationMs,
    nodeCount: row.nodeCount, edgeCount: row.edgeCount, summary: JSON.parse(row.summary) as MetricRun['summary'],
    stale: latestChange > row.batchId, label: metricLabel(algorithm, params, scope),
  }
}

/**
 * Metric runs: computed in this thread over a copy of the adjacency cache, yielding between slices
 * so the worker keeps answering, then stored with one value per node. Runs are derived data, not
 * graph data: they take no audit batch, but a read-only store refuses them like any write.
 */
export function createAnalyticsCalls(db: Db, context: AnalyticsContext) {
  const jobs = new Map<string, AbortController>()
  const cache = new RunValuesCache()
  const refuseWrites = (what: string) => {
    if (context.readOnly || db.readonly) throw new GraphKeepError('STORE_BUSY', `the store is open read-only for inspection: it cannot ${what}`)
  }
  const runsNow = (): MetricRun[] => {
    const rows = listMetricRuns(db)
    const oldest = rows.reduce((min, row) => Math.min(min, row.batchId), Number.POSITIVE_INFINITY)
    const latestChange = rows.length > 0 ? latestGraphChangeAfter(db, oldest) : 0
    return rows.map((row) => runOfRow(row, latestChange))
  }
  const runById = (runId: number): MetricRun => {
    const row = getMetricRun(db, runId)
    if (!row) throw new GraphKeepError('NOT_FOUND', `there is no metric run ${runId}`, { runId })
    return runOfRow(row, latestGraphChangeAfter(db, row.batchId))
  }
  const valuesOfRun = (runId: number) => {
    const values = cache.get(runId, () => metricBlobs(db, runId))
    if (!values) throw new GraphKeepError('NOT_FOUND', `there is no metric run ${runId}`, { runId })
    return values
  }

  async function run(request: RunMetricRequest): Promise<MetricRun> {
    refuseWrites('store metric runs')
    const jobId = request.jobId ?? randomUUID()
    if (jobs.has(jobId)) throw new GraphKeepError('CONFLICT', `a metric run named ${jobId} is already running`)
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      const label = metricLabel(request.algorithm, request.params, request.scope)
      const progress = createProgress(jobId, context.onEvent, label, 'reading')
      progress.update(0, null, true)
      const startedAt = Date.now()
      const started = performance.now()
      const { graph, batchId } = analysisGraphOf(db, request.scope)
      let shownPhase = 'reading'
      const pacer = new Pacer(controller.signal, (phase, done, total) => {
        if (phase !== shownPhase) progress.phase((shownPhase = phase), label)
        progress.update(done, total)
      })
      await pacer.turn(0, null)
      const result = await computeMetric(graph, request, pacer)
      pacer.checkCancelled()
      const durationMs = performance.now() - started
      const row = {
        algorithm: request.algorithm, params: JSON.stringify(request.params), scope: JSON.stringify(request.scope), batchId, startedAt,
        durationMs, nodeCount: graph.n, edgeCount: graph.edgeCount, summary: JSON.stringify(result.summary),
      }
      refuseWrites('store metric runs')
      const id = saveMetricRun(db, row, encodeValues(graph.ids, result.values))
      progress.phase('done', label)
      progress.update(graph.n, graph.n, true)
      context.onEvent?.({ type: 'dataChanged', scopes: ['analytics'] })
      return runById(id)
    } finally {
      jobs.delete(jobId)
    }
  }

  return {
    run,
    cancel({ jobId }) {
      const job = jobs.get(jobId)
      job?.abort()
      return { cancelled: job !== undefined }
    },
    runs: () => ({ runs: runsNow() }),
    values(input) {
      const values = valuesOfRun(input.runId)
      const other = input.compareTo === undefined ? undefined : valuesOfRun(input.compareTo)
      return readValues(db, values, other, input)
    },
    valuesOf: ({ runIds, keys }) => valuesOfKeys(db, keys, runIds.map((runId) => [runId, valuesOfRun(runId)] as const)),
    nodeMetrics: ({ key }) => nodeMetricsOf(db, key, runsNow(), valuesOfRun),
    groups: ({ runId, limit }) => groupSizesOf(valuesOfRun(runId), limit),
    degreeDistribution: (scope) => degreeHistogram(analysisGraphOf(db, scope).graph),
    delete({ runId }) {
      refuseWrites('delete metric runs')
      const deleted = deleteMetricRun(db, runId)
      cache.forget(runId)
      if (deleted) context.onEvent?.({ type: 'dataChanged', scopes: ['analytics'] })
      return { deleted }
    },
  } satisfies Calls<'analytics'>
}
