import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { useNow } from '../../lib/use-now.ts'
import { describeLastBackup } from '../backups/backup-age.ts'
import { OverdueWarning } from '../backups/OverdueWarning.tsx'
import { HistorySizeSection } from '../history/HistorySizeSection.tsx'
import { CompactActions } from './CompactActions.tsx'
import { HealthReportView } from './HealthReportView.tsx'
import { EmbeddingCoverage } from '../similar/EmbeddingCoverage.tsx'
import { healthQueries } from './queries.ts'
import { SlowCalls } from './SlowCalls.tsx'

export function HealthPage() {
  // The quick check runs on open; the full one (every page and index) only when asked for.
  const [full, setFull] = useState(false)
  const check = useQuery({ ...healthQueries.check(full), placeholderData: keepPreviousData })
  const now = useNow()
  const runFull = () => (full ? void check.refetch() : setFull(true))
  return (
    <article className="page page-scroll" aria-labelledby="health-title" data-testid="health-page">
      <header className="page-title-row">
        <h1 id="health-title">Health</h1>
        <button type="button" className="button" disabled={check.isFetching} onClick={runFull}>
          {check.isFetching && full && <span className="spinner spinner-small" aria-hidden="true" />}
          {check.isFetching && full ? 'Running full check…' : 'Run full check'}
        </button>
        {check.isFetching && <span className="muted" role="status">Checking…</span>}
      </header>
      {check.data?.backupOverdue && <OverdueWarning text={describeLastBackup(check.data.lastBackupAt, now)} />}
      {check.isPending && <LoadingState label={full ? 'Running the full integrity check…' : 'Checking the store…'} />}
      {check.isError && <ErrorState title="The health check failed" error={check.error} onRetry={() => void check.refetch()} />}
      {check.data && <HealthReportView report={check.data} now={now} />}
      <EmbeddingCoverage />
      <SlowCalls />
      <CompactActions />
      <HistorySizeSection />
    </article>
  )
}
