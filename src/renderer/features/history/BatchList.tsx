import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { batchOrigins, type BatchOrigin, type BatchSummary } from '../../../shared/history.ts'
import { ErrorState, LoadingState, EmptyState } from '../../components/StateViews.tsx'
import { formatCount, formatTimestamp } from '../../lib/format.ts'
import { historyQueries } from './queries.ts'

function state(batch: BatchSummary): string {
  if (batch.compacted) return 'compacted'
  if (batch.undoneBy !== null) return `undone by #${batch.undoneBy}`
  if (batch.reverts !== null) return `${batch.origin} of #${batch.reverts}`
  return batch.redoneBy !== null ? `redone by #${batch.redoneBy}` : ''
}

/** Batches newest first, filtered by origin and by operation. */
export function BatchList({ selected, onSelect }: { selected: number | null; onSelect: (id: number) => void }) {
  const [origin, setOrigin] = useState<BatchOrigin | ''>('')
  const [operation, setOperation] = useState('')
  const list = useQuery(historyQueries.list({ limit: 200, ...(origin ? { origins: [origin] } : {}), ...(operation ? { operation } : {}) }))
  return (
    <section className="card batch-list" aria-label="Changes">
      <div className="history-filters" role="search">
        <label>Origin{' '}
          <select value={origin} onChange={(event) => setOrigin(event.target.value as BatchOrigin | '')}>
            <option value="">all</option>
            {batchOrigins.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label>Operation <input value={operation} placeholder="nodes.update" onChange={(event) => setOperation(event.target.value)} /></label>
      </div>
      {list.isPending ? <LoadingState label="Loading history…" /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> :
        list.data.items.length === 0 ? <EmptyState title="No changes yet" hint="Every edit, import, undo and redo is listed here." /> : (
          <table className="data-table selectable history-table" data-testid="history-table">
            <thead><tr><th>#</th><th>When</th><th>Operation</th><th>Origin</th><th>Rows</th><th>State</th></tr></thead>
            <tbody>
              {list.data.items.map((batch) => (
                <tr key={batch.id} aria-selected={batch.id === selected} data-testid="history-row"
                  tabIndex={0} onClick={() => onSelect(batch.id)} onKeyDown={(event) => event.key === 'Enter' && onSelect(batch.id)}>
                  <td>{batch.id}</td>
                  <td>{formatTimestamp(batch.at)}</td>
                  <td><code>{batch.operation}</code></td>
                  <td>{batch.origin}</td>
                  <td className="numeric">{formatCount(batch.size)}</td>
                  <td className="muted">{state(batch)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  )
}
