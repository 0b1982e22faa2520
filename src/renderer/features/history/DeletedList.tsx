import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { formatCountOf, formatTimestamp } from '../../lib/format.ts'
import { useRestoreDeleted } from './mutations.ts'
import { historyQueries } from './queries.ts'

/** Recently deleted nodes or edges, newest first, each restorable (a node with the edges deleted with it). */
export function DeletedList() {
  const [entity, setEntity] = useState<'node' | 'edge'>('node')
  const deleted = useQuery(historyQueries.deleted(entity))
  const restore = useRestoreDeleted()
  return (
    <section className="card deleted-list" aria-label="Recently deleted" data-testid="deleted-list">
      <div className="segmented" role="group" aria-label="Show deleted">
        <button type="button" className="button button-small" aria-pressed={entity === 'node'} onClick={() => setEntity('node')}>Nodes</button>
        <button type="button" className="button button-small" aria-pressed={entity === 'edge'} onClick={() => setEntity('edge')}>Edges</button>
      </div>
      {restore.isError && <ErrorLine error={restore.error} context="Nothing was restored" />}
      {deleted.isPending ? <LoadingState /> : deleted.isError ? <ErrorState error={deleted.error} /> : deleted.data.items.length === 0 ? (
        <EmptyState title={`No deleted ${entity}s`} hint="What is deleted shows here until it is restored." />
      ) : (
        <table className="data-table">
          <thead><tr><th>{entity === 'node' ? 'Key' : 'Edge'}</th><th>Type</th><th>Deleted</th><th>By</th><th /></tr></thead>
          <tbody>
            {deleted.data.items.map((item) => (
              <tr key={item.auditId} data-testid="deleted-row">
                <td><code>{item.name}</code>{item.edges > 0 && <span className="muted"> with {formatCountOf(item.edges, 'edge')}</span>}</td>
                <td>{item.type}</td>
                <td>{formatTimestamp(item.deletedAt)}</td>
                <td className="muted">#{item.batchId} {item.operation}</td>
                <td>
                  {item.blockedBy ? <span className="muted" title={item.blockedBy}>{item.blockedBy}</span> : (
                    <button type="button" className="button button-small" disabled={restore.isPending}
                      onClick={() => restore.mutate(entity === 'node' ? { nodes: [item.id] } : { nodes: [], edges: [item.id] })}>Restore</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
