import { useQuery } from '@tanstack/react-query'
import type { MetricRun } from '../../../shared/analytics.ts'
import { DegreeChart } from './DegreeChart.tsx'
import { GroupSizes } from './GroupSizes.tsx'
import { isGrouping } from './metric-format.ts'
import { analyticsQueries } from './queries.ts'
import { RunList } from './RunList.tsx'
import { RunMetricForm } from './RunMetricForm.tsx'
import { TopValues } from './TopValues.tsx'
import { TypeCountsTable } from './TypeCountsTable.tsx'

/** The newest run of each metric label. */
function newestByLabel(runs: MetricRun[]): MetricRun[] {
  const seen = new Set<string>()
  return runs.filter((run) => !seen.has(run.label) && seen.add(run.label))
}

/** Counts, distributions, groups and the top of each metric; metrics are run from here. */
export function StatisticsPage() {
  const runs = useQuery(analyticsQueries.runs())
  const newest = newestByLabel(runs.data?.runs ?? [])
  return (
    <section className="page page-scroll statistics-page" aria-labelledby="statistics-title">
      <header className="page-title-row">
        <h1 id="statistics-title">Statistics</h1>
      </header>
      <RunMetricForm />
      <RunList />
      <TypeCountsTable />
      <DegreeChart />
      {newest.some(isGrouping) && (
        <section className="card" aria-labelledby="groups-title">
          <h2 id="groups-title" className="card-title">Components and communities</h2>
          <div className="stats-columns">{newest.filter(isGrouping).map((run) => <GroupSizes key={run.id} run={run} />)}</div>
        </section>
      )}
      {newest.some((run) => !isGrouping(run)) && (
        <section className="card" aria-labelledby="top-title">
          <h2 id="top-title" className="card-title">Highest values</h2>
          <div className="stats-columns">{newest.filter((run) => !isGrouping(run)).map((run) => <TopValues key={run.id} run={run} />)}</div>
        </section>
      )}
    </section>
  )
}
