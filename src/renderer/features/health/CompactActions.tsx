import { useIsMutating, type UseMutationResult } from '@tanstack/react-query'
import type { CompactResult } from '../../../shared/health.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatBytes, formatSeconds } from '../../lib/format.ts'
import { useOptimize, useVacuum } from './mutations.ts'

function CompactAction({ label, busyLabel, description, action, anyBusy, testId }: {
  label: string
  busyLabel: string
  description: string
  action: UseMutationResult<CompactResult, Error, void>
  anyBusy: boolean
  testId: string
}) {
  return (
    <div className="compact-action" data-testid={testId}>
      <button type="button" className="button" disabled={anyBusy} onClick={() => action.mutate()}>
        {action.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
        {action.isPending ? busyLabel : label}
      </button>
      <span className="muted">{description}</span>
      {action.data && (
        <span className="compact-result" role="status">
          {formatBytes(action.data.bytesBefore)} → {formatBytes(action.data.bytesAfter)} in {formatSeconds(action.data.seconds)}
        </span>
      )}
      {action.isError && <ErrorLine error={action.error} context={`${label} failed`} />}
    </div>
  )
}

/** VACUUM rewrites the whole file, so only one of these runs at a time. */
export function CompactActions() {
  const vacuum = useVacuum()
  const optimize = useOptimize()
  const anyBusy = useIsMutating({ mutationKey: ['compaction'] }) > 0
  return (
    <section className="card" aria-labelledby="maintenance-title">
      <h2 id="maintenance-title" className="card-title">Maintenance</h2>
      <div className="compact-actions">
        <CompactAction
          label="Compact (VACUUM)"
          busyLabel="Compacting…"
          description="Rewrites the file without its free pages; needs free space about the size of the store."
          action={vacuum}
          anyBusy={anyBusy}
          testId="vacuum"
        />
        <CompactAction
          label="Optimize"
          busyLabel="Optimizing…"
          description="Refreshes the query planner's statistics (PRAGMA optimize)."
          action={optimize}
          anyBusy={anyBusy}
          testId="optimize"
        />
      </div>
    </section>
  )
}
