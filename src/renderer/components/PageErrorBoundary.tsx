import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { hrefFor } from '../lib/router.ts'

function PageFailed({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error)
  return (
    <div className="page-scroll">
      <div className="error-line" role="alert" data-testid="page-error">
        <strong>This page stopped working.</strong> {message}{' '}
        <span className="error-hint">Nothing in the store was changed by it. Try again, or go to another page; the details are in the log.</span>
      </div>
      <p>
        <button type="button" className="button" onClick={resetErrorBoundary}>Try again</button>{' '}
        <a className="button button-quiet" href={hrefFor({ name: 'nodes' })}>Go to nodes</a>
      </p>
    </div>
  )
}

/** One per page: a page that throws while rendering shows what happened in its place; the sidebar and other pages go on working. */
export function PageErrorBoundary({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      FallbackComponent={PageFailed}
      resetKeys={[pageKey]}
      // The desktop app's log reads the renderer's console (src/main/app/logging.ts).
      onError={(error, info) => console.error('GraphKeep: a page failed to render', error, info.componentStack)}
    >
      {children}
    </ErrorBoundary>
  )
}
