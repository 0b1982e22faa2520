import { useQuery } from '@tanstack/react-query'
import { hrefFor } from '../../lib/router.ts'
import { describeRank } from './metric-format.ts'
import { analyticsQueries } from './queries.ts'

/** The node's value and rank in the newest run of each metric ("PageRank 0.0031, 12th of 107,583"). */
export function NodeMetrics({ nodeKey }: { nodeKey: string }) {
  const metrics = useQuery(analyticsQueries.nodeMetrics(nodeKey))
  const list = metrics.data?.metrics ?? []
  if (list.length === 0) return null
  return (
    <section className="card" aria-labelledby="metrics-title" data-testid="node-metrics">
      <h2 id="metrics-title" className="card-title">Metrics</h2>
      <ul className="node-metrics">
        {list.map(({ run, value, rank, of }) => (
          <li key={run.id} data-testid="node-metric">
            {describeRank(run, value, rank, of)}
            {run.stale && <span className="stale-badge" title="Nodes or edges changed after this run">stale</span>}
          </li>
        ))}
      </ul>
      <a className="muted" href={hrefFor({ name: 'statistics' })}>All metrics</a>
    </section>
  )
}
