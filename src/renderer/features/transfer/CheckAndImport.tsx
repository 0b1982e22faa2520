import { ErrorLine } from '../../components/ErrorLine.tsx'
import { JobProgressView } from './JobProgressView.tsx'
import { ImportOptionsForm } from './ImportOptionsForm.tsx'
import { downloadBlob } from '../../lib/download-blob.ts'
import { reportFile } from './save-file.ts'
import type { ImportFlowState } from './use-import-flow.ts'
import { ValidationReport } from './ValidationReport.tsx'

/** Check the files, choose what happens to bad rows and known keys, then import with progress and Cancel. */
export function CheckAndImport({ flow }: { flow: ImportFlowState }) {
  const running = flow.run.isPending
  const names = flow.uploaded?.names ?? {}
  const save = () => {
    if (!flow.report) return
    const { blob, name } = reportFile(flow.report, Object.values(names), flow.request?.options ?? flow.options)
    downloadBlob(blob, name)
  }
  const abortWithProblems = flow.report && !flow.report.ok && flow.options.onError === 'abort' && !flow.refused
  return (
    <section className="card" aria-labelledby="import-check-title">
      <h2 id="import-check-title" className="card-title"><span className="step-number">3</span> Check and import</h2>
      <div className="check-row">
        <button type="button" className={flow.report ? 'button' : 'button button-primary'} disabled={!flow.request || flow.validate.isPending || running} onClick={flow.check}>
          {flow.validate.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          {flow.validate.isPending ? 'Checking…' : flow.report ? 'Check again' : 'Check the files'}
        </button>
        {!flow.report && !flow.validate.isPending && <span className="muted">Reads every row and reports problems; nothing is written.</span>}
      </div>
      {flow.validate.isPending && <JobProgressView progress={flow.checkProgress} fallbackLabel="Checking the files" />}
      {flow.validate.isError && <ErrorLine error={flow.friendly(flow.validate.error)} context="The check failed" />}
      {flow.report && <ValidationReport report={flow.report} names={names} onSave={save} />}
      {flow.report && (
        <>
          <ImportOptionsForm value={flow.options} disabled={running} onChange={flow.setOptions} />
          {abortWithProblems && (
            <p className="notice" data-testid="abort-notice">With “Stop”, the import writes nothing while the files have bad rows: choose “Skip bad rows” to import the rest.</p>
          )}
          <div className="import-actions">
            <button type="button" className="button button-primary" disabled={!flow.request || running} onClick={flow.start}>
              {running && <span className="spinner spinner-small" aria-hidden="true" />}
              {running ? 'Importing…' : 'Import'}
            </button>
            {running && (
              <button type="button" className="button" onClick={flow.cancel} disabled={flow.cancelling}>
                {flow.cancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            )}
          </div>
          {flow.refused && !running && (
            <p className="notice notice-refused" role="alert" data-testid="import-refused">
              Nothing was imported: the files have {flow.refused.report.problemCount === 1 ? 'a bad row' : `${flow.refused.report.problemCount} bad rows`} (listed
              above) and “Stop” was chosen. Choose “Skip bad rows” to import the rest, or fix the files and choose them again.
            </p>
          )}
          {running && <JobProgressView progress={flow.progress} fallbackLabel="Starting the import" />}
          {flow.cancelError && <ErrorLine error={flow.cancelError} context="Cancel failed" />}
          {flow.run.isError && <ErrorLine error={flow.friendly(flow.run.error)} context="The import failed" />}
        </>
      )}
    </section>
  )
}
