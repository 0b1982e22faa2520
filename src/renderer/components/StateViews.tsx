import type { ReactNode } from 'react'
import { GraphKeepError } from '../../shared/errors.ts'

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  )
}

const hints: Partial<Record<string, ReactNode>> = {
  UNAUTHORIZED: (
    <>
      This page’s access token is not valid. Open GraphKeep again from the link printed by <code>npm run web</code>.
    </>
  ),
  STORE_CLOSED: 'The store was closed. Restart GraphKeep to reopen it.',
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const code = error instanceof GraphKeepError ? error.code : 'INTERNAL'
  const message = error instanceof Error ? error.message : String(error)
  const hint = hints[code]
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <h2 className="state-title">{title}</h2>
      <p>
        <code className="error-code">{code}</code> {message}
      </p>
      {hint && <p className="state-hint">{hint}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  )
}

export function EmptyState({ title, hint, action, testId }: { title: string; hint?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="state state-empty" data-testid={testId ?? 'empty-state'}>
      <h2 className="state-title">{title}</h2>
      {hint && <p className="state-hint">{hint}</p>}
      {action}
    </div>
  )
}
