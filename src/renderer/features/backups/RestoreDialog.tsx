import { useQuery } from '@tanstack/react-query'
import type { RestoreSource } from '../../../shared/backup.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount, formatTimestamp } from '../../lib/format.ts'
import { useNow } from '../../lib/use-now.ts'
import { useRestore } from './mutations.ts'
import { backupQueries } from './queries.ts'
import { describeRestore } from './restore-summary.ts'

function when(createdAt: number | null): string {
  return createdAt === null ? '—' : formatTimestamp(createdAt)
}

/** Previews a restore (the backup's facts against the current store's) and runs it once confirmed. */
export function RestoreDialog({ source, onClose }: { source: RestoreSource; onClose: () => void }) {
  const restore = useRestore()
  // Held still once the restore starts: the refresh that follows it must not re-read the preview.
  const preview = useQuery({ ...backupQueries.preview(source), enabled: restore.isIdle || restore.isError })
  const now = useNow()
  const confirm = () => {
    if (preview.data) restore.mutate({ source, preview: preview.data }, { onSuccess: onClose })
  }
  return (
    <ConfirmDialog
      title="Restore this backup?"
      confirmLabel="Restore"
      busyLabel="Restoring…"
      danger
      busy={restore.isPending}
      confirmDisabled={!preview.data}
      onConfirm={confirm}
      onCancel={onClose}
      testId="restore-dialog"
    >
      {preview.isPending && <p className="muted" role="status">Checking the backup…</p>}
      {preview.isError && <ErrorLine error={preview.error} context="This file cannot be restored" />}
      {preview.data && (
        <>
          <p data-testid="restore-summary">{describeRestore(preview.data, now)}</p>
          <table className="facts-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Backup</th>
                <th scope="col">Current store</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Nodes</th>
                <td>{formatCount(preview.data.backup.nodeCount)}</td>
                <td>{formatCount(preview.data.current.nodeCount)}</td>
              </tr>
              <tr>
                <th scope="row">Edges</th>
                <td>{formatCount(preview.data.backup.edgeCount)}</td>
                <td>{formatCount(preview.data.current.edgeCount)}</td>
              </tr>
              <tr>
                <th scope="row">Schema version</th>
                <td>{preview.data.backup.schemaVersion}</td>
                <td>{preview.data.current.schemaVersion}</td>
              </tr>
              <tr>
                <th scope="row">Written</th>
                <td>{when(preview.data.backup.createdAt)}</td>
                <td>{when(preview.data.current.createdAt)}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">
            From <code className="path">{preview.data.source}</code>
          </p>
        </>
      )}
      {restore.isError && <ErrorLine error={restore.error} context="The restore failed; the current store is unchanged" />}
    </ConfirmDialog>
  )
}
