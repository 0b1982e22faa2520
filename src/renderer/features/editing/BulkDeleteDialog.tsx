import { useQuery } from '@tanstack/react-query'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { useDeleteNodes } from './mutations.ts'
import { editingQueries } from './queries.ts'

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`

/** Deleting the checked nodes: the confirmation names how many nodes and how many edges go. */
export function BulkDeleteDialog({ keys, onDone, onCancel }: { keys: string[]; onDone: () => void; onCancel: () => void }) {
  const impact = useQuery(editingQueries.deleteImpact(keys))
  const remove = useDeleteNodes()
  const edges = impact.data?.edges
  return (
    <ConfirmDialog title={`Delete ${plural(keys.length, 'node', 'nodes')}?`} confirmLabel="Delete" busyLabel="Deleting…" danger busy={remove.isPending}
      confirmDisabled={!impact.data} onConfirm={() => remove.mutate(keys, { onSuccess: onDone })} onCancel={onCancel} testId="bulk-delete-dialog">
      <p data-testid="bulk-delete-impact">
        {impact.data
          ? <><strong>{plural(impact.data.nodes, 'node', 'nodes')}</strong> and the <strong>{plural(edges ?? 0, 'edge', 'edges')}</strong> to or from them will be deleted.</>
          : 'Counting the edges that go with them…'}
      </p>
      <p className="muted">One change: Ctrl+Z, or History, brings them all back.</p>
      {impact.isError && <ErrorLine error={impact.error} context="Could not count the edges" />}
      {remove.isError && <ErrorLine error={remove.error} context="Nothing was deleted" />}
    </ConfirmDialog>
  )
}
