import type { ReactNode } from 'react'
import { GraphKeepError } from '../../shared/errors.ts'

/** What each refusal of a backup or restore means for the user, beside the server's own message. */
const hints: Partial<Record<string, string>> = {
  NOT_A_STORE: 'The file is not a GraphKeep store.',
  FOREIGN_APPLICATION: 'The file is a database of another application.',
  SCHEMA_TOO_NEW: 'The file was written by a newer GraphKeep; update GraphKeep to open it.',
  CHECKSUM_MISMATCH: 'The backup file changed after it was written; it may be damaged.',
  INTEGRITY_FAILED: 'SQLite found damage in the file.',
  INSUFFICIENT_SPACE: 'Free some disk space, or choose a backups folder on another disk.',
  STORE_BUSY: 'The store is busy with other work; try again in a moment.',
  READ_ONLY: 'This store is open read-only for inspection: nothing is changed in it or written beside it.',
}

/** The long account behind a short message (SQLite's integrity lines, say), shown only when asked for. */
function detailOf(error: unknown, message: string): string | null {
  if (!(error instanceof GraphKeepError)) return null
  const checks = (error.details as { checks?: { ok: boolean; detail: string }[] } | undefined)?.checks
  const failed = Array.isArray(checks) ? checks.find((check) => !check.ok) : undefined
  return failed && failed.detail !== message ? failed.detail : null
}

export function errorCodeOf(error: unknown): string {
  return error instanceof GraphKeepError ? error.code : 'INTERNAL'
}

/** An error in a line: its code, what was being done, the message and, when known, a hint. */
export function ErrorLine({ error, context, action }: { error: unknown; context?: string; action?: ReactNode }) {
  const code = errorCodeOf(error)
  const message = error instanceof Error ? error.message : String(error)
  const hint = hints[code]
  const detail = detailOf(error, message)
  return (
    <div className="error-line" role="alert" data-testid="error-line" data-error-code={code}>
      <code className="error-code">{code}</code>{' '}
      {context && <strong>{context}: </strong>}
      {message}
      {hint && <span className="error-hint"> {hint}</span>}
      {action}
      {detail && (
        <details className="error-details" data-testid="error-details">
          <summary>Details</summary>
          <pre>{detail}</pre>
        </details>
      )}
    </div>
  )
}
