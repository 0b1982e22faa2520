import { useQuery } from '@tanstack/react-query'
import { isGrouping } from '../analytics/metric-format.ts'
import { analyticsQueries } from '../analytics/queries.ts'
import { groupByRunLabel } from './run-groups.ts'
import type { Grouping } from './use-grouping.ts'

/** "By community (<run>)" and "By component (<run>)": one button per stored community or component run. */
export function RunGroupChoices({ grouping }: { grouping: Grouping }) {
  const runs = (useQuery(analyticsQueries.runs()).data?.runs ?? []).filter(isGrouping)
  if (runs.length === 0) return null
  return (
    <div className="graph-group-actions graph-run-groups" role="group" aria-label="Group by a metric run">
      {runs.map((run) => (
        <button key={run.id} type="button" className="button" disabled={grouping.busy} onClick={() => void grouping.byRun(run)}>
          {groupByRunLabel(run)}
        </button>
      ))}
    </div>
  )
}
