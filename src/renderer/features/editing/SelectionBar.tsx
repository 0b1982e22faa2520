import { useState } from 'react'
import { formatCount } from '../../lib/format.ts'
import { BulkDeleteDialog } from './BulkDeleteDialog.tsx'
import { BulkEditDialog, type BulkEditKind } from './BulkEditDialogs.tsx'

/** "N selected" above a list of nodes, with the edits of the checked rows. */
export function SelectionBar({ keys, onClear }: { keys: string[]; onClear: () => void }) {
  const [open, setOpen] = useState<BulkEditKind | 'delete' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  if (keys.length === 0) return done ? <p className="selection-done muted" role="status">{done}</p> : null
  const close = (message: string) => {
    setOpen(null)
    setDone(message)
  }
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected nodes" data-testid="selection-bar">
      <strong data-testid="selection-count">{formatCount(keys.length)} selected</strong>
      <button type="button" className="button" onClick={() => setOpen('set')}>Set property…</button>
      <button type="button" className="button" onClick={() => setOpen('remove')}>Remove property…</button>
      <button type="button" className="button" onClick={() => setOpen('type')}>Change type…</button>
      <button type="button" className="button button-quiet-danger" onClick={() => setOpen('delete')}>Delete…</button>
      <button type="button" className="button button-quiet" onClick={onClear}>Clear selection</button>
      {done && <span className="muted" role="status">{done}</span>}
      {open === 'delete' && <BulkDeleteDialog keys={keys} onCancel={() => setOpen(null)} onDone={() => { close(`Deleted ${formatCount(keys.length)} nodes — Ctrl+Z undoes it`); onClear() }} />}
      {open !== null && open !== 'delete' && (
        <BulkEditDialog kind={open} keys={keys} onCancel={() => setOpen(null)} onDone={(count) => close(`Changed ${formatCount(count)} nodes — Ctrl+Z undoes it`)} />
      )}
    </div>
  )
}
