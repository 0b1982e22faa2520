import type { BackupInfo } from '../../../shared/backup.ts'
import { useNow } from '../../lib/use-now.ts'
import { BackupRow } from './BackupRow.tsx'

export function BackupList({ backups }: { backups: BackupInfo[] }) {
  const now = useNow()
  if (backups.length === 0) return <p className="muted" data-testid="no-backups">No backups in this folder yet.</p>
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Backups" data-testid="backup-list">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Reason</th>
            <th scope="col">Contents</th>
            <th scope="col">Size</th>
            <th scope="col">Schema</th>
            <th scope="col">Verification</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <BackupRow key={backup.id} backup={backup} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
