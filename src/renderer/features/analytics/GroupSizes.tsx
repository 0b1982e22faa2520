import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { MetricRun } from '../../../shared/analytics.ts'
import { navigate } from '../../lib/router.ts'
import { CsvButton } from './csv.tsx'
import { analyticsQueries } from './queries.ts'

const SHOWN = 12
/** The graph view opens on at most this many members of a group. */
const OPEN_LIMIT = 300

/** Sizes of the components or communities of one run, largest first, with the modularity of a partition. */
export function GroupSizes({ run }: { run: MetricRun }) {
  const groups = useQuery(analyticsQueries.groups(run.id))
  const queryClient = useQueryClient()
  // A focus on one component or community: its members (the first few hundred) in the graph view.
  const openGroup = async (group: number) => {
    const members = await queryClient.fetchQuery(analyticsQueries.values({ runId: run.id, min: group, max: group, limit: OPEN_LIMIT }))
    navigate({ name: 'graph', keys: members.rows.map((row) => row.key), view: null })
  }
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
            <button type="button" className="link-button group-name" title={`Open group ${group} in the graph (up to ${OPEN_LIMIT} nodes)`} onClick={() => void openGroup(group)}>#{group}</button>
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
