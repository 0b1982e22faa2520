import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useUndoRestore } from './mutations.ts'
import { useRestoreOutcome } from './restore-outcome.ts'
import { describeContents } from './restore-summary.ts'

/** Shown across the app after a restore, so that it can be undone from any page while checking the data. */
export function RestoreBanner() {
  const [{ outcome }, setRestore] = useRestoreOutcome()
  const undo = useUndoRestore()
  if (!outcome) return null
  const dismiss = (
    <button type="button" className="button button-quiet" onClick={() => setRestore({ outcome: null })}>
      Dismiss
    </button>
  )
  if (outcome.phase === 'undone') {
    return (
      <div className="banner banner-success" role="status" data-testid="restore-banner">
        <span>
          Restore undone: the data from before the restore is back (from <code>{outcome.result.restoredFrom}</code>).
        </span>
        {dismiss}
      </div>
    )
  }
  const contents = outcome.preview ? ` ${describeContents(outcome.preview.backup)}` : ''
  return (
    <div className="banner banner-success" role="status" data-testid="restore-banner">
      <span>
        Restored{contents} from <code>{outcome.result.restoredFrom}</code>. The previous data is kept in the safety backup{' '}
        <code>{outcome.result.safetyBackup.id}</code>.
      </span>
      <button type="button" className="button" disabled={undo.isPending} onClick={() => undo.mutate()}>
        {undo.isPending ? 'Undoing…' : 'Undo restore'}
      </button>
      {dismiss}
      {undo.isError && <ErrorLine error={undo.error} context="Undo failed" />}
    </div>
  )
}
