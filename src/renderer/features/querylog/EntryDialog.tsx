import { useEffect, useId, useRef } from 'react'
import { createPortal } from 'react-dom'
import type { QueryLogEntry } from '../../../shared/querylog.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount, formatTimestamp } from '../../lib/format.ts'
import { formatMs } from './format-ms.ts'
import { useRunAgain } from './mutations.ts'
import { planRunAgain } from './run-again.ts'

const MAX_SHOWN = 20_000

function pretty(json: string | null): string {
  if (json === null) return '(none)'
  try {
    return JSON.stringify(JSON.parse(json), null, 2)
  } catch {
    return json
  }
}

/** One log entry, whole: what was asked, what came back, and "Run again". */
export function EntryDialog({ entry, onClose }: { entry: QueryLogEntry; onClose: () => void }) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const plan = planRunAgain(entry)
  const runAgain = useRunAgain()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const shown = runAgain.data === undefined || runAgain.data === null ? null : JSON.stringify(runAgain.data, null, 2)
  return createPortal(
    <dialog ref={dialogRef} className="dialog entry-dialog" aria-labelledby={titleId} data-testid="log-entry" onCancel={(event) => { event.preventDefault(); onClose() }}>
      <h2 id={titleId} className="dialog-title">
        <code>{entry.method}</code>
      </h2>
      <div className="dialog-body">
        <dl className="entry-facts">
          <dt>When</dt>
          <dd>{formatTimestamp(entry.at)}</dd>
          <dt>From</dt>
          <dd>{entry.origin}</dd>
          <dt>Took</dt>
          <dd>{formatMs(entry.durationMs)}</dd>
          <dt>Returned</dt>
          <dd>{entry.rowCount === null ? '–' : formatCount(entry.rowCount)}</dd>
          {entry.errorCode && (
            <>
              <dt>Error</dt>
              <dd>
                <code className="error-code">{entry.errorCode}</code> {entry.errorMessage}
              </dd>
            </>
          )}
        </dl>
        <h3 className="entry-subtitle">Input{entry.paramsTruncated ? ' (cut short when logged)' : ''}</h3>
        <pre className="entry-json" data-testid="log-entry-input">{pretty(entry.params)}</pre>
        {plan.kind === 'none' && <p className="muted">{plan.reason}</p>}
        {runAgain.isError && <ErrorLine error={runAgain.error} />}
        {shown !== null && (
          <>
            <h3 className="entry-subtitle">Answer</h3>
            <pre className="entry-json" data-testid="log-entry-answer">{shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}\n…` : shown}</pre>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {plan.kind !== 'none' && (
          <button
            type="button"
            className="button button-primary"
            disabled={runAgain.isPending}
            data-testid="run-again"
            onClick={() => runAgain.mutate(plan, { onSuccess: (answer) => answer === null && onClose() })}
          >
            {runAgain.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
            Run again
          </button>
        )}
      </div>
    </dialog>,
    document.body,
  )
}
