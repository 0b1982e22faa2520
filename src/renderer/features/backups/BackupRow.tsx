import { useState } from 'react'
import type { BackupInfo } from '../../../shared/backup.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatAge, formatBytes, formatTimestamp } from '../../lib/format.ts'
import { electronBridge } from '../../lib/transport-electron.ts'
import { useReadOnly } from '../shell/use-read-only.ts'
import { useDeleteBackup, useOpenAsStore, useVerifyBackup } from './mutations.ts'
import { RestoreDialog } from './RestoreDialog.tsx'
import { describeContents } from './restore-summary.ts'
import { VerificationBadge } from './VerificationBadge.tsx'

export function BackupRow({ backup, now }: { backup: BackupInfo; now: number }) {
  const verify = useVerifyBackup()
  const remove = useDeleteBackup()
  const openAsStore = useOpenAsStore()
  const readOnly = useReadOnly()
  const [dialog, setDialog] = useState<'restore' | 'delete' | null>(null)
  const close = () => setDialog(null)
  const error = verify.error ?? remove.error ?? openAsStore.error
  const errorContext = verify.error ? 'Verify failed' : remove.error ? 'Delete failed' : 'Opening the backup failed'
  return (
    <>
      <tr data-testid="backup-row" data-backup-id={backup.id} aria-label={`Backup ${backup.id}`}>
        <td>
          <div>{formatTimestamp(backup.createdAt)}</div>
          <div className="muted">{formatAge(backup.createdAt, now)}</div>
        </td>
        <td><span className={`badge badge-reason reason-${backup.reason}`}>{backup.reason}</span></td>
        <td className="numeric" data-testid="backup-contents">{describeContents(backup)}</td>
        <td className="numeric">{formatBytes(backup.bytes)}</td>
        <td className="numeric">v{backup.schemaVersion}</td>
        <td><VerificationBadge verification={backup.verification} /></td>
        <td className="row-actions">
          <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate(backup.id)}>
            {verify.isPending ? 'Verifying…' : 'Verify'}
          </button>
          {!readOnly && (
            <>
              <button type="button" className="button" disabled={openAsStore.isPending} onClick={() => openAsStore.mutate(backup.id)}>
                {openAsStore.isPending ? 'Opening…' : 'Open as store'}
              </button>
              <button type="button" className="button" onClick={() => setDialog('restore')}>Restore</button>
              <button type="button" className="button button-quiet-danger" onClick={() => setDialog('delete')}>Delete</button>
            </>
          )}
        </td>
      </tr>
      {openAsStore.data && (
        <tr>
          <td colSpan={7} className="muted" role="status" data-testid="opened-as-store">
            {electronBridge() ? (
              'Opened read-only in your browser.'
            ) : (
              <>
                Opened read-only in a new tab.{' '}
                <a href={openAsStore.data.url} target="_blank" rel="noopener noreferrer">Open it again</a>
              </>
            )}
          </td>
        </tr>
      )}
      {error && (
        <tr>
          <td colSpan={7}>
            <ErrorLine error={error} context={errorContext} />
          </td>
        </tr>
      )}
      {dialog === 'restore' && <RestoreDialog source={{ id: backup.id }} onClose={close} />}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete this backup?"
          confirmLabel="Delete backup"
          busyLabel="Deleting…"
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(backup.id, { onSettled: close })}
          onCancel={close}
          testId="delete-backup-dialog"
        >
          <p>
            The {backup.reason} backup from {formatTimestamp(backup.createdAt)} ({describeContents(backup)}) is removed from the backups folder. This
            cannot be undone.
          </p>
          <p className="muted"><code className="path">{backup.file}</code></p>
        </ConfirmDialog>
      )}
    </>
  )
}
