import { useState } from 'react'
import type { z } from 'zod'
import type { exportScope } from '../../../shared/transfer.ts'
import { ExportDialog } from './ExportDialog.tsx'

export type ExportScope = z.input<typeof exportScope>

/** Opens the export dialog for `scope`: the whole store, or given nodes (a search result, the graph on screen). */
export function ExportButton({ scope, label = 'Export…' }: { scope: ExportScope; label?: string }) {
  const [open, setOpen] = useState(false)
  const empty = scope.kind === 'nodes' && scope.keys.length === 0
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={empty}
        title={empty ? 'Nothing to export here' : undefined}
        data-scope={scope.kind}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && <ExportDialog scope={scope} onClose={() => setOpen(false)} />}
    </>
  )
}
