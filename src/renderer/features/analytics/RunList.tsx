import { useQuery } from '@tanstack/react-query'
import type { MetricRun } from '../../../shared/analytics.ts'
import { formatTimestamp } from '../../lib/format.ts'
import { useReadOnly } from '../shell/use-read-only.ts'
import { CsvButton } from './csv.tsx'
import { formatMetric } from './metric-format.ts'
import { useDeleteRun } from './mutations.ts'
import { analyticsQueries } from './queries.ts'

function summaryOf(run: MetricRun): string {
  const s = run.summary
  const parts: string[] = []
  if (s.modularity !== undefined) parts.push(`modularity ${s.modularity.toFixed(4)}`)
  if (s.groups !== undefined) parts.push(`${s.groups.toLocaleString('en-US')} groups, largest ${formatMetric(s.largestGroup ?? 0)}`)
  if (s.iterations !== undefined && run.algorithm === 'pagerank') parts.push(`${s.iterations} iterations${s.converged ? '' : ' (did not converge)'}`)
  if (s.exact !== undefined) parts.push(s.exact ? 'exact' : `estimated from ${s.samples} sampled sources`)
  if (s.maxCore !== undefined) parts.push(`max core ${s.maxCore}`)
  return parts.join(' · ')
}

/** Every stored run: what it computed, when, on which part of the graph, and whether the graph changed since. */
export function RunList() {
  const runs = useQuery(analyticsQueries.runs())
  const remove = useDeleteRun()
  const readOnly = useReadOnly()
  const list = runs.data?.runs ?? []
  return (
    <section className="card" aria-labelledby="runs-title">
      <h2 id="runs-title" className="card-title">Metric runs</h2>
      {list.length === 0 ? (
        <p className="muted">No metric has been run yet.</p>
      ) : (
        <table className="stats-table" data-testid="metric-runs">
          <thead>
            <tr><th>Metric</th><th>Nodes</th><th>Edges</th><th>Result</th><th>Run</th><th>Took</th><th /></tr>
          </thead>
          <tbody>
            {list.map((run) => (
              <tr key={run.id} data-testid="metric-run">
                <td>
                  {run.label}
                  {run.stale && <span className="stale-badge" title="Nodes or edges changed after this run">stale</span>}
                </td>
                <td className="num">{run.nodeCount.toLocaleString('en-US')}</td>
                <td className="num">{run.edgeCount.toLocaleString('en-US')}</td>
                <td className="muted">{summaryOf(run)}</td>
                <td className="muted">{formatTimestamp(run.startedAt)}</td>
                <td className="num">{run.durationMs < 1000 ? `${Math.round(run.durationMs)} ms` : `${(run.durationMs / 1000).toFixed(1)} s`}</td>
                <td>{!readOnly && <button type="button" className="button button-quiet" onClick={() => remove.mutate(run.id)} aria-label={`Delete run ${run.label}`}>Delete</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length > 0 && (
        <CsvButton
          name="metric-runs"
          header={['id', 'metric', 'nodes', 'edges', 'result', 'started', 'milliseconds', 'stale']}
          rows={() => list.map((run) => [run.id, run.label, run.nodeCount, run.edgeCount, summaryOf(run), new Date(run.startedAt).toISOString(), run.durationMs.toFixed(1), run.stale])}
        />
      )}
    </section>
  )
}
