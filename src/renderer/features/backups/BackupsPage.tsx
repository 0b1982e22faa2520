import { useQuery } from '@tanstack/react-query'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { BackupList } from './BackupList.tsx'
import { BackupSettingsForm } from './BackupSettingsForm.tsx'
import { BackUpNow } from './BackUpNow.tsx'
import { backupQueries } from './queries.ts'
import { RestoreFromFile } from './RestoreFromFile.tsx'
import { useReadOnly } from '../shell/use-read-only.ts'

function SettingsSection() {
  const settings = useQuery(backupQueries.settings())
  return (
    <section className="card" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title" className="card-title">Settings</h2>
      {settings.isPending && <LoadingState label="Loading settings…" />}
      {settings.isError && <ErrorState title="Could not load the settings" error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <BackupSettingsForm saved={settings.data} />}
    </section>
  )
}

export function BackupsPage() {
  const list = useQuery(backupQueries.list())
  const readOnly = useReadOnly()
  return (
    <article className="page page-scroll" aria-labelledby="backups-title" data-testid="backups-page">
      <header className="page-title-row">
        <h1 id="backups-title">Backups</h1>
        {list.isFetching && !list.isPending && <span className="spinner spinner-small" role="status" aria-label="Updating" />}
      </header>
      <p className="muted">
        Each backup is a complete, checked copy of the store. Restoring one first takes a safety backup of the current data, so a
        restore can be undone.
      </p>
      {readOnly ? (
        <p className="muted" data-testid="read-only-note">This store is open read-only for inspection: it cannot be backed up, restored or changed here.</p>
      ) : (
        <BackUpNow />
      )}
      <section className="card" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title" className="card-title">
          Backups {list.data && <span className="count-pill">{list.data.backups.length}</span>}
        </h2>
        {list.data && (
          <p className="folder-line">
            Folder: <code className="path" data-testid="backups-folder">{list.data.folder}</code>
          </p>
        )}
        {list.isPending && <LoadingState label="Loading backups…" />}
        {list.isError && <ErrorState title="Could not list the backups" error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && <BackupList backups={list.data.backups} />}
      </section>
      {!readOnly && <RestoreFromFile />}
      {!readOnly && <SettingsSection />}
    </article>
  )
}
