import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { transferFormats, type TransferFormat } from '../../../shared/transfer.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { useJobProgress } from '../../lib/job-progress.ts'
import type { ExportScope } from './ExportButton.tsx'
import { ExportResult } from './ExportResult.tsx'
import { formatNames } from './FormatAndMapping.tsx'
import { newJobId } from './job-id.ts'
import { JobProgressView } from './JobProgressView.tsx'
import { useRunExport } from './mutations.ts'
import { similarQueries } from '../similar/queries.ts'

const formatHints: Record<TransferFormat, string> = {
  jsonl: 'one node or edge per line; streams well, imports back exactly',
  csv: 'a nodes file and an edges file, for spreadsheets',
  graphml: 'XML, for yEd, Gephi, NetworkX and igraph',
  gexf: 'XML, for Gephi',
  graphkeep: 'one JSON document, with metadata',
  npy: 'one model’s vectors as a float32 array, and its key list',
}

/** Format and scope, then the export with progress, then the files (downloads in web mode, paths on the desktop). */
export function ExportDialog({ scope, onClose }: { scope: ExportScope; onClose: () => void }) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<TransferFormat>('jsonl')
  const [whole, setWhole] = useState(scope.kind === 'all')
  const [job, setJob] = useState<{ id: string; since: number } | null>(null)
  const exportRun = useRunExport()
  const progress = useJobProgress(job?.id ?? '\u0000', job?.since ?? Infinity)
  const running = exportRun.isPending
  const givenKeys = scope.kind === 'nodes' ? scope.keys : []
  const models = useQuery(similarQueries.models()).data?.models.filter((m) => m.count > 0) ?? []
  const [chosenModel, setModel] = useState<string | null>(null)
  const model = chosenModel ?? models[0]?.name ?? null

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const start = () => {
    const id = newJobId('export')
    setJob({ id, since: Date.now() })
    exportRun.mutate({
      format, scope: whole ? { kind: 'all' } : { kind: 'nodes', keys: givenKeys }, jobId: id,
      ...(format === 'npy' && model !== null ? { model } : {}),
    })
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby={titleId}
      data-testid="export-dialog"
      onCancel={(event) => {
        event.preventDefault()
        if (!running) onClose()
      }}
    >
      <h2 id={titleId} className="dialog-title">Export</h2>
      <div className="dialog-body">
        {exportRun.data ? (
          <ExportResult summary={exportRun.data} />
        ) : (
          <fieldset className="export-choices" disabled={running}>
            <fieldset className="choice-group">
              <legend>Format</legend>
              {transferFormats.map((value) => (
                <label key={value} className="choice">
                  <input type="radio" name="export-format" value={value} checked={format === value} disabled={value === 'npy' && models.length === 0} onChange={() => setFormat(value)} />
                  <span>
                    {formatNames[value]} <span className="muted">— {value === 'npy' && models.length === 0 ? 'the store has no vectors' : formatHints[value]}</span>
                  </span>
                </label>
              ))}
              {format === 'npy' && model !== null && (
                <label className="field export-model">
                  <span>Model</span>
                  <select value={model} onChange={(event) => setModel(event.target.value)} data-testid="export-model">
                    {models.map((m) => <option key={m.name} value={m.name}>{`${m.name} (${m.dim} dimensions, ${formatCount(m.count)} vectors)`}</option>)}
                  </select>
                </label>
              )}
            </fieldset>
            <fieldset className="choice-group">
              <legend>What</legend>
              {scope.kind === 'nodes' && (
                <label className="choice">
                  <input type="radio" name="export-scope" checked={!whole} onChange={() => setWhole(false)} />
                  <span>These {formatCount(givenKeys.length)} {givenKeys.length === 1 ? 'node' : 'nodes'} <span className="muted">and the edges among them</span></span>
                </label>
              )}
              <label className="choice">
                <input type="radio" name="export-scope" checked={whole} onChange={() => setWhole(true)} />
                <span>The whole store</span>
              </label>
            </fieldset>
          </fieldset>
        )}
        {running && <JobProgressView progress={progress} fallbackLabel="Starting the export" />}
        {exportRun.isError && <ErrorLine error={exportRun.error} context="The export failed" />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" disabled={running} onClick={onClose}>
          {exportRun.data ? 'Close' : 'Cancel'}
        </button>
        {!exportRun.data && (
          <button type="button" className="button button-primary" disabled={running} onClick={start} autoFocus>
            {running && <span className="spinner spinner-small" aria-hidden="true" />}
            {running ? 'Exporting…' : 'Export'}
          </button>
        )}
      </div>
    </dialog>,
    document.body,
  )
}
