import type { z } from 'zod'
import type { exportScope } from '../../../shared/transfer.ts'

export type ExportScope = z.input<typeof exportScope>

// Scaffold: the import/export UI helper replaces this with the export menu (format, file, progress).
export function ExportButton({ scope, label = 'Export…' }: { scope: ExportScope; label?: string }) {
  return (
    <button type="button" className="button" disabled data-scope={scope.kind}>
      {label}
    </button>
  )
}
