import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { formatTimestamp } from '../../lib/format.ts'
import { AsOfView } from './AsOfView.tsx'
import { FieldChanges } from './FieldChanges.tsx'
import { historyQueries } from './queries.ts'

function NodeHistoryList({ nodeKey }: { nodeKey: string }) {
  const history = useQuery(historyQueries.node(nodeKey))
  if (history.isPending) return <LoadingState label="Loading history…" />
  if (history.isError) return <ErrorState error={history.error} />
  const { entries, imports, truncated } = history.data
  return (
    <div data-testid="node-history">
      {imports.map((item) => (
        <p key={item.batchId} className="muted">Import #{item.batchId} ({formatTimestamp(item.at)}) {item.node ? 'added this node' : ''}{item.node && item.edges ? ' and ' : ''}{item.edges ? `added ${item.edges} of its edges` : ''}.</p>
      ))}
      <ol className="batch-rows">
        {entries.map((entry) => (
          <li key={entry.auditId} className={`batch-row op-${entry.op}`} data-testid="node-history-entry">
            <div>
              <span className="muted">{formatTimestamp(entry.at)}</span> <a href={`#/history`}>#{entry.batchId}</a> <code>{entry.operation}</code>{' '}
              <span className="badge">{entry.entity}</span> <strong>{entry.name}</strong> {entry.op}
            </div>
            <FieldChanges changes={entry.changes} />
          </li>
        ))}
      </ol>
      {entries.length === 0 && imports.length === 0 && <p className="muted">No recorded changes.</p>}
      {truncated && <p className="muted">Older changes are not shown.</p>}
    </div>
  )
}

/** The node page's History and "As of" tabs. */
export function NodeHistoryTabs({ nodeKey }: { nodeKey: string }) {
  const [tab, setTab] = useState<'history' | 'asOf' | null>(null)
  return (
    <section className="card" aria-label="History">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" className="tab" aria-selected={tab === 'history'} onClick={() => setTab(tab === 'history' ? null : 'history')}>History</button>
        <button type="button" role="tab" className="tab" aria-selected={tab === 'asOf'} onClick={() => setTab(tab === 'asOf' ? null : 'asOf')}>As of…</button>
      </div>
      {tab === 'history' && <NodeHistoryList nodeKey={nodeKey} />}
      {tab === 'asOf' && <AsOfView nodeKey={nodeKey} />}
    </section>
  )
}
