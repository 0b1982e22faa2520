import { GraphKeepError } from '../../../shared/errors.ts'
import type { BatchSummary, Blocker } from '../../../shared/history.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { useRedoBatch, useUndoBatch } from './mutations.ts'

function blockersOf(error: unknown): Blocker[] {
  return error instanceof GraphKeepError && error.code === 'CONFLICT' ? ((error.details as { blockers?: Blocker[] } | undefined)?.blockers ?? []) : []
}

/** Undo or redo one batch; a refused undo offers to undo the later batches in its way first, in order. */
export function RevertButtons({ batch }: { batch: BatchSummary }) {
  const undo = useUndoBatch()
  const redo = useRedoBatch()
  const blockers = blockersOf(undo.error).filter((b) => b.action === 'undo')
  return (
    <div className="revert-buttons">
      {batch.canUndo && (
        <button type="button" className="button button-small" disabled={undo.isPending} onClick={() => undo.mutate({ batchId: batch.id, withLater: false })}>Undo</button>
      )}
      {batch.canRedo && (
        <button type="button" className="button button-small" disabled={redo.isPending} onClick={() => redo.mutate(batch.id)}>Redo</button>
      )}
      {undo.isError && (
        <ErrorLine error={undo.error} context="Not undone" action={blockers.length > 0 && (
          <button type="button" className="button button-small" data-testid="undo-with-later"
            onClick={() => undo.mutate({ batchId: batch.id, withLater: true })}>
            Undo {blockers.map((b) => `#${b.batchId}`).join(', ')} first, then this
          </button>
        )} />
      )}
      {redo.isError && <ErrorLine error={redo.error} context="Not redone" />}
    </div>
  )
}
