import { useQuery } from '@tanstack/react-query'
import { GraphKeepError } from '../../../shared/errors.ts'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { formatTimestamp } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { NodeMetrics } from '../analytics/NodeMetrics.tsx'
import { useReadOnly } from '../shell/use-read-only.ts'
import { EditNodeButtons } from '../editing/EditNodeButtons.tsx'
import { NodeHistoryTabs } from '../history/NodeHistoryTabs.tsx'
import { DeleteNodeButton } from './DeleteNodeButton.tsx'
import { NodeNeighbours } from './NodeNeighbours.tsx'
import { PropertyList } from './PropertyList.tsx'
import { nodeDetailQueries } from './queries.ts'
import { SimilarTab } from '../similar/SimilarTab.tsx'

/** After following a link the old page is gone and focus would fall to <body>; start at the heading. */
function focusIfNothingFocused(element: HTMLElement | null): void {
  if (element && (document.activeElement === document.body || document.activeElement === null)) element.focus({ preventScroll: true })
}

function BackLink() {
  return (
    <a className="back-link" href={hrefFor({ name: 'nodes' })}>
      ← All nodes
    </a>
  )
}

export function NodePage({ nodeKey }: { nodeKey: string }) {
  const node = useQuery(nodeDetailQueries.node(nodeKey))
  const readOnly = useReadOnly()

  if (node.isPending) return <LoadingState label="Loading node…" />
  if (node.isError) {
    if (node.error instanceof GraphKeepError && node.error.code === 'NOT_FOUND') {
      return (
        <section className="page page-scroll">
          <BackLink />
          <EmptyState
            testId="node-not-found"
            title="This node no longer exists"
            hint={<>No node has the key <code>{nodeKey}</code>. It may have been deleted, or the link is wrong.</>}
          />
        </section>
      )
    }
    return <ErrorState error={node.error} onRetry={() => void node.refetch()} />
  }

  const { label, type, key, properties, createdAt, updatedAt } = node.data
  return (
    <article className="page page-scroll" aria-labelledby="node-title" data-testid="node-page">
      <BackLink />
      <header className="node-header">
        <div className="node-title-row">
          <h1 id="node-title" tabIndex={-1} ref={focusIfNothingFocused}>
            {label || key}
          </h1>
          <a className="button graph-open-button" href={hrefFor({ name: 'graph', keys: [key], view: null })}>Open in graph</a>
          {!readOnly && <EditNodeButtons node={node.data} />}
          {!readOnly && <DeleteNodeButton node={node.data} />}
        </div>
        <div className="node-meta">
          <TypeBadge type={type} />
          <code className="node-key" data-testid="node-key">{key}</code>
          <span className="muted">
            created {formatTimestamp(createdAt)} · updated {formatTimestamp(updatedAt)}
          </span>
        </div>
      </header>
      <section className="card" aria-labelledby="properties-title">
        <h2 id="properties-title" className="card-title">Properties</h2>
        <PropertyList properties={properties} />
      </section>
      <NodeMetrics nodeKey={key} />
      <NodeNeighbours node={node.data} />
      <SimilarTab nodeKey={key} />
      <NodeHistoryTabs nodeKey={key} />
    </article>
  )
}
