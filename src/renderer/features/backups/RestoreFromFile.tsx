import { useRef, useState } from 'react'
import { RestoreDialog } from './RestoreDialog.tsx'
import { StoreFileDropZone } from './StoreFileDropZone.tsx'

/** Restores any store file on this machine (a copy from another disk, an older download…), after the same preview. */
export function RestoreFromFile() {
  const [path, setPath] = useState('')
  const [chosen, setChosen] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const pathField = useRef<HTMLInputElement>(null)
  const trimmed = path.trim()
  return (
    <section className="card" aria-labelledby="restore-file-title">
      <h2 id="restore-file-title" className="card-title">Restore from a file…</h2>
      <StoreFileDropZone
        onPath={(dropped) => {
          setNotice(null)
          setPath(dropped)
          setChosen(dropped)
        }}
        onNoPath={(reason) => {
          setNotice(reason)
          pathField.current?.focus()
        }}
      />
      {notice && <p className="muted" role="status" data-testid="file-path-notice">{notice}</p>}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (trimmed) setChosen(trimmed)
        }}
      >
        <label className="field field-wide">
          <span>Path of a GraphKeep store or backup on this machine</span>
          <input
            ref={pathField}
            type="text"
            value={path}
            placeholder="/home/me/old-graph.graphkeep"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setPath(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={!trimmed}>
          Preview restore…
        </button>
      </form>
      {chosen && <RestoreDialog source={{ file: chosen }} onClose={() => setChosen(null)} />}
    </section>
  )
}
