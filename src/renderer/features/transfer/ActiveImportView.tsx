import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useJobProgress } from '../../lib/job-progress.ts'
import { dismissImport, type ActiveImport } from './active-import.ts'
import { ImportSummaryView } from './ImportSummaryView.tsx'
import { JobProgressView } from './JobProgressView.tsx'
import { useCancelImport } from './mutations.ts'

/** An import started before this page was opened: its progress and Cancel, then what it did. */
export function ActiveImportView({ active }: { active: ActiveImport }) {
  const progress = useJobProgress(active.jobId, active.since)
  const cancel = useCancelImport()
  const dismiss = () => dismissImport(active.jobId)
  const names = active.names.join(', ')
  if (active.summary && (active.summary.cancelled || active.summary.report.ok || active.summary.batchId !== null)) {
    return <ImportSummaryView summary={active.summary} onAnother={dismiss} />
  }
  return (
    <section className="card" aria-labelledby="active-import-title" data-testid="active-import">
      <h2 id="active-import-title" className="card-title">
        {active.state === 'running' ? 'Importing' : 'Nothing was imported'} {names && <code>{names}</code>}
      </h2>
      {active.state === 'running' && (
        <>
          <JobProgressView progress={progress} fallbackLabel="Importing" />
          <div className="import-actions">
            <button type="button" className="button" disabled={cancel.isPending || cancel.isSuccess} onClick={() => cancel.mutate(active.jobId)}>
              {cancel.isPending || cancel.isSuccess ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
          {cancel.isError && <ErrorLine error={cancel.error} context="Cancel failed" />}
        </>
      )}
      {active.summary && (
        <p className="notice notice-refused">
          The files have bad rows and “Stop” was chosen, so nothing was written. Choose the files again and pick “Skip bad rows”.
        </p>
      )}
      {active.state === 'failed' && <ErrorLine error={active.error} context="The import failed" />}
      {active.state !== 'running' && (
        <button type="button" className="button" onClick={dismiss}>Import a file</button>
      )}
    </section>
  )
}
