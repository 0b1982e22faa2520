import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCountOf, formatTimestamp } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { useDeleteView, useSaveView } from './mutations.ts'
import { viewQueries } from './queries.ts'
import type { SaveViewInput } from '../../../shared/graph.ts'

/** Save the view under a name, and the list of saved views to reopen or delete. */
export function SavedViews({ currentName, canSave, readOnly, capture, onClose }: {
  currentName: string | null
  canSave: boolean
  readOnly: boolean
  capture: (name: string) => SaveViewInput | null
  onClose: () => void
}) {
  const views = useQuery(viewQueries.list())
  const save = useSaveView()
  const remove = useDeleteView()
  const [name, setName] = useState(currentName ?? '')
  const [saved, setSaved] = useState<string | null>(null)

  return (
    <div className="graph-popover" role="dialog" aria-label="Saved views" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      {!readOnly && (
        <form
          className="graph-save-form"
          onSubmit={(event) => {
            event.preventDefault()
            const input = capture(name.trim())
            if (input) save.mutate(input, { onSuccess: (summary) => setSaved(summary.name) })
          }}
        >
          <label>
            Name <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} placeholder="My view" />
          </label>
          <button type="submit" className="button" disabled={!canSave || name.trim() === '' || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save view'}
          </button>
        </form>
      )}
      {saved && <p role="status" className="muted">Saved “{saved}”.</p>}
      {save.isError && <ErrorLine error={save.error} context="Saving the view" />}
      <h3 className="graph-panel-subtitle">Saved views</h3>
      {views.isPending && <p className="muted">Loading…</p>}
      {views.isError && <ErrorLine error={views.error} context="Listing saved views" />}
      {views.data?.views.length === 0 && <p className="muted">No saved views yet.</p>}
      <ul className="graph-view-list" aria-label="Saved views">
        {views.data?.views.map((view) => (
          <li key={view.name}>
            <a href={hrefFor({ name: 'graph', keys: [], view: view.name })}>{view.name}</a>
            <span className="muted">{formatCountOf(view.nodeCount, 'node')} · {formatTimestamp(view.updatedAt)}</span>
            {!readOnly && (
              <button type="button" className="button button-quiet" aria-label={`Delete view ${view.name}`} disabled={remove.isPending} onClick={() => remove.mutate(view.name)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {remove.isError && <ErrorLine error={remove.error} context="Deleting the view" />}
    </div>
  )
}
