import type { Db } from '../db.ts'
import { statement } from './statements.ts'

export interface MetricRunRow {
  id: number
  algorithm: string
  params: string
  scope: string
  batchId: number
  startedAt: number
  durationMs: number
  nodeCount: number
  edgeCount: number
  summary: string
}

export interface MetricBlobs {
  nodeIds: Buffer
  values: Buffer
  ranked: Buffer
}

const RUN_COLUMNS = 'id, algorithm, params, scope, batch_id AS batchId, started_at AS startedAt, duration_ms AS durationMs, node_count AS nodeCount, edge_count AS edgeCount, summary'

/** Stores a run and its values in one transaction; returns the run's id. */
export function saveMetricRun(db: Db, run: Omit<MetricRunRow, 'id'>, blobs: MetricBlobs): number {
  return db.transaction(() => {
    const id = Number(
      statement(
        db,
        'INSERT INTO metric_runs (algorithm, params, scope, batch_id, started_at, duration_ms, node_count, edge_count, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(run.algorithm, run.params, run.scope, run.batchId, run.startedAt, run.durationMs, run.nodeCount, run.edgeCount, run.summary).lastInsertRowid,
    )
    statement(db, 'INSERT INTO metric_values (run_id, node_ids, vals, ranked) VALUES (?, ?, ?, ?)').run(id, blobs.nodeIds, blobs.values, blobs.ranked)
    return id
  })()
}

/** Every run, newest first. */
export function listMetricRuns(db: Db): MetricRunRow[] {
  return statement<[], MetricRunRow>(db, `SELECT ${RUN_COLUMNS} FROM metric_runs ORDER BY id DESC`).all()
}

export function getMetricRun(db: Db, id: number): MetricRunRow | undefined {
  return statement<[number], MetricRunRow>(db, `SELECT ${RUN_COLUMNS} FROM metric_runs WHERE id = ?`).get(id)
}

export function metricBlobs(db: Db, runId: number): MetricBlobs | undefined {
  return statement<[number], MetricBlobs>(db, 'SELECT node_ids AS nodeIds, vals AS "values", ranked FROM metric_values WHERE run_id = ?').get(runId)
}

export function deleteMetricRun(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM metric_runs WHERE id = ?').run(id).changes > 0
}

/**
 * The newest batch after `afterBatchId` that changed nodes or edges, by its summary's counts (a
 * 'node.*' or 'edge.*' entry); a batch without a summary (older, or a long change still open) counts
 * as a change. 0 when there is none. Metadata and saved views do not make a run stale.
 */
export function latestGraphChangeAfter(db: Db, afterBatchId: number): number {
  return (
    statement<[number], number>(
      db,
      `SELECT coalesce(max(id), 0) FROM batches b WHERE b.id > ? AND (
         b.summary IS NULL OR EXISTS (
           SELECT 1 FROM json_each(b.summary, '$.counts') c
           WHERE (c.key LIKE 'node.%' OR c.key LIKE 'edge.%') AND c.value > 0))`,
    )
      .pluck()
      .get(afterBatchId) ?? 0
  )
}
