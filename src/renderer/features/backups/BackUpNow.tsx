import { ErrorLine } from '../../components/ErrorLine.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { useJobProgress } from '../../lib/job-progress.ts'
import { useCreateBackup } from './mutations.ts'

/** The "Back up now" button with the live progress of the backup it starts. */
export function BackUpNow() {
  const create = useCreateBackup()
  const progress = useJobProgress('backup-', create.submittedAt)
  return (
    <div className="back-up-now">
      <button type="button" className="button button-primary" disabled={create.isPending} onClick={() => create.mutate()}>
        {create.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
        {create.isPending ? 'Backing up…' : 'Back up now'}
      </button>
      {create.isPending && <ProgressBar progress={progress} fallbackLabel="Starting the backup" />}
      {create.isSuccess && (
        <span className="muted" role="status">
          Backup <code>{create.data.id}</code> written.
        </span>
      )}
      {create.isError && <ErrorLine error={create.error} context="The backup failed" />}
    </div>
  )
}
