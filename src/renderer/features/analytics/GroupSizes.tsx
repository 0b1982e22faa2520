import { useQuery } from '@tanstack/react-query'
import type { MetricRun } from '../../../shared/analytics.ts'
import { CsvButton } from './csv.tsx'
import { analyticsQueries } from './queries.ts'

const SHOWN = 12

/** Sizes of the components or communities of one run, largest first, with the modularity of a partition. */
export function GroupSizes({ run }: { run: MetricRun }) {
  const groups = useQuery(analyticsQueries.groups(run.id))
  const list = groups.data?.groups ?? []
  const largest = list[0]?.size ?? 1
  return (
    <div className="stats-block" data-testid="group-sizes">
      <h3>
        {run.label} sizes · {groups.data?.total.toLocaleString('en-US') ?? '…'} groups
        {run.summary.modularity !== undefined && <> · modularity <span data-testid="modularity">{run.summary.modularity.toFixed(4)}</span></>}
        {run.stale && <span className="stale-badge">stale</span>}
      </h3>
      <ol className="group-bars">
        {list.slice(0, SHOWN).map(({ group, size }) => (
          <li key={group}>
            <span className="group-name">#{group}</span>
            <span className="group-bar" style={{ width: `${Math.max(1, (size / largest) * 100)}%` }} />
            <span className="num">{size.toLocaleString('en-US')}</span>
          </li>
        ))}
      </ol>
      {list.length > SHOWN && <p className="muted">and {(groups.data!.total - SHOWN).toLocaleString('en-US')} smaller groups</p>}
      <CsvButton name={`groups-${run.label}`} header={['group', 'size']} rows={() => list.map(({ group, size }) => [group, size])} />
    </div>
  )
}
