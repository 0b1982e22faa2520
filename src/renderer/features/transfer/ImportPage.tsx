import { useState } from 'react'
import { useReadOnly } from '../shell/use-read-only.ts'
import { useFileOffer } from './dropped-files.ts'
import { ExportButton } from './ExportButton.tsx'
import { ImportFlow } from './ImportFlow.tsx'

/** Import (`#/import`): files in, checked, mapped and written with progress; and the whole store out. */
export function ImportPage() {
  const offer = useFileOffer()
  const readOnly = useReadOnly()
  const [restarts, setRestarts] = useState(0)
  return (
    <article className="page page-scroll transfer-page" aria-labelledby="import-title" data-testid="import-page">
      <header className="page-title-row">
        <h1 id="import-title">Import</h1>
        <span className="page-title-actions">
          <ExportButton scope={{ kind: 'all' }} label="Export whole store…" />
        </span>
      </header>
      {readOnly ? (
        <p className="muted" data-testid="read-only-note">This store is open read-only for inspection: nothing can be imported into it.</p>
      ) : (
        <>
          <p className="muted">
            Bring in nodes and edges from JSON Lines, CSV, GraphML, GEXF or GraphKeep JSON, and vectors from a NumPy .npy array
            with its key list. The files are checked first; nothing is written until you choose Import.
          </p>
          <ImportFlow key={`${offer?.seq ?? 0}:${restarts}`} offer={offer} onRestart={() => setRestarts((count) => count + 1)} />
        </>
      )}
    </article>
  )
}
