import { useNow } from '../../lib/use-now.ts'
import { undoStatus, useUndoShortcuts } from './use-undo-shortcuts.ts'

const SHOWN_MS = 4000

/** Installs the app-wide Ctrl+Z / Ctrl+Shift+Z and says, for a few seconds, what it did. */
export function UndoStatus() {
  useUndoShortcuts()
  const status = undoStatus.use()
  const now = useNow(1000)
  const visible = status !== null && now - status.at < SHOWN_MS
  return (
    <div className="undo-status" role="status" aria-live="polite" data-testid="undo-status">
      {visible && <span className={status.error ? 'undo-status-error' : undefined}>{status.text}</span>}
    </div>
  )
}
