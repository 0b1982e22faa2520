import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useCreateBackup } from './mutations.ts'

/** "Last backup 3 days ago — Back up now". */
export function OverdueWarning({ text }: { text: string }) {
  const create = useCreateBackup()
  return (
    <div className="banner banner-warning" role="region" aria-label="Backup reminder" data-testid="backup-overdue">
      <span>{text}</span>
      <span aria-hidden="true">—</span>
      <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
        {create.isPending ? 'Backing up…' : 'Back up now'}
      </button>
      {create.isError && <ErrorLine error={create.error} context="The backup failed" />}
    </div>
  )
}
