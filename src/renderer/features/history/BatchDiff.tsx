import { useQuery } from '@tanstack/react-query'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { formatCount } from '../../lib/format.ts'
import { FieldChanges } from './FieldChanges.tsx'
import { historyQueries } from './queries.ts'
import { RevertButtons } from './RevertButtons.tsx'
import { describeVectorCounts } from './vector-counts.ts'

const verbs = { insert: 'added', update: 'changed', delete: 'deleted' } as const
// An import's undo takes its id ranges out (kept for a redo), its redo puts them back.
const rangeVerbs: Partial<Record<string, string>> = { undo: 'Took out', redo: 'Put back' }

/** One batch opened: its rows as readable diffs, and its undo or redo. */
export function BatchDiff({ id }: { id: number }) {
  const detail = useQuery(historyQueries.batch(id))
  if (detail.isPending) return <LoadingState label="Loading the batch…" />
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
  const { batch, rows, ranges } = detail.data
  const vectors = describeVectorCounts(batch.counts)
  return (
    <section className="card batch-diff" aria-label={`Batch ${batch.id}`} data-testid="batch-diff">
      <header className="batch-diff-header">
        <h2 className="card-title">#{batch.id} {batch.operation}</h2>
        <RevertButtons batch={batch} />
      </header>
      {(ranges.nodes || ranges.edges) && (
        <p className="muted">
          {rangeVerbs[batch.origin] ?? 'Imported'} {ranges.nodes ? `nodes #${ranges.nodes[0]}–#${ranges.nodes[1]}` : 'no nodes'}
          {ranges.edges ? ` and edges #${ranges.edges[0]}–#${ranges.edges[1]}` : ''} (kept as id ranges, not row by row).
        </p>
      )}
      {vectors && <p className="muted" data-testid="batch-vectors">{vectors}</p>}
      {rows.length === 0 && !ranges.nodes && !ranges.edges && !vectors && <p className="muted">This batch changed no rows.</p>}
      <ol className="batch-rows">
        {rows.map((row) => (
          <li key={row.auditId} className={`batch-row op-${row.op}`} data-testid="batch-row">
            <div><span className="badge">{row.entity}</span> <strong>{row.name}</strong> <span className="muted">{verbs[row.op]}</span></div>
            <FieldChanges changes={row.changes} />
          </li>
        ))}
      </ol>
      {detail.data.nextAfter !== null && <p className="muted">Showing the first {formatCount(rows.length)} rows.</p>}
    </section>
  )
}
