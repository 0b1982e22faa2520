import { useQuery } from '@tanstack/react-query'
import type { MetricRun } from '../../../shared/analytics.ts'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { hrefFor } from '../../lib/router.ts'
import { CsvButton } from './csv.tsx'
import { formatMetric } from './metric-format.ts'
import { analyticsQueries } from './queries.ts'

/** The 20 highest values of one run, each a link to its node. */
export function TopValues({ run }: { run: MetricRun }) {
  const top = useQuery(analyticsQueries.values({ runId: run.id, order: 'desc', limit: 20 }))
  const rows = top.data?.rows ?? []
  return (
    <div className="stats-block" data-testid="top-values">
      <h3>Top 20 · {run.label}{run.stale && <span className="stale-badge">stale</span>}</h3>
      <table className="stats-table">
        <thead><tr><th className="num">#</th><th>Node</th><th>Type</th><th className="num">Value</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td className="num">{row.rank}</td>
              <td><a href={hrefFor({ name: 'node', key: row.key })}>{row.label || row.key}</a></td>
              <td><TypeBadge type={row.type} /></td>
              <td className="num">{formatMetric(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 && <a className="button button-quiet csv-button" href={hrefFor({ name: 'graph', keys: rows.map((row) => row.key), view: null })}>Open in graph</a>}
      <CsvButton name={`top-${run.label}`} header={['rank', 'key', 'label', 'type', 'value']} rows={() => rows.map((row) => [row.rank, row.key, row.label, row.type, row.value])} />
    </div>
  )
}
