import { useEffect, useRef } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { LoadingState } from '../../components/StateViews.tsx'
import { formatBytes } from '../../lib/format.ts'
import { dismissImport, useActiveImport } from './active-import.ts'
import { ActiveImportView } from './ActiveImportView.tsx'
import { claimOffer, type FileOffer } from './dropped-files.ts'
import { FormatAndMapping } from './FormatAndMapping.tsx'
import { CheckAndImport } from './CheckAndImport.tsx'
import { FileChooser } from './FileChooser.tsx'
import { ImportSummaryView } from './ImportSummaryView.tsx'
import { JobProgressView } from './JobProgressView.tsx'
import type { PickedFiles } from './picked-files.ts'
import { useImportFlow } from './use-import-flow.ts'

function PickedList({ picked, csvPair }: { picked: PickedFiles; csvPair: boolean }) {
  const entries = [
    picked.main && { file: picked.main, role: picked.keys ? 'vectors' : csvPair || picked.edges ? 'nodes' : 'graph' },
    picked.edges && { file: picked.edges, role: 'edges' },
    picked.keys && { file: picked.keys, role: 'keys' },
  ].filter((entry) => !!entry)
  return (
    <ul className="picked-files" data-testid="picked-files">
      {entries.map(({ file, role }) => (
        <li key={role}>
          <code>{file.name}</code> <span className="muted">{formatBytes(file.size)}</span>
          {role !== 'graph' && <span className="badge">{role}</span>}
        </li>
      ))}
    </ul>
  )
}

/** One import: choose, read, map, check, import, summary. A new drop or "Import another" starts a fresh one. */
export function ImportFlow({ offer, onRestart }: { offer: FileOffer | null; onRestart: () => void }) {
  const flow = useImportFlow()
  const { choose, picked } = flow
  const filesHeading = useRef<HTMLHeadingElement>(null)
  // The chooser (and the focused file input with it) goes once files are picked: keep keyboard focus in the flow.
  useEffect(() => {
    if (picked && document.activeElement === document.body) filesHeading.current?.focus()
  }, [picked])
  useEffect(() => {
    const files = claimOffer(offer)
    if (files) choose(files)
    // Only a new offer starts the flow; choose is fresh every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offer])

  const active = useActiveImport()
  const ownJob = flow.job?.id
  const settled = ownJob !== undefined && !flow.run.isPending
  // This flow shows its own outcome; the page need not show it again on a later visit.
  useEffect(() => {
    if (settled) dismissImport(ownJob)
  }, [settled, ownJob])

  if (!picked && active && active.jobId !== ownJob) return <ActiveImportView active={active} />
  if (flow.summary) return <ImportSummaryView summary={flow.summary} onAnother={onRestart} />
  const started = flow.picked !== null
  const running = flow.run.isPending
  return (
    <>
      <section className="card" aria-labelledby="import-files-title">
        <h2 id="import-files-title" className="card-title" ref={filesHeading} tabIndex={-1}><span className="step-number">1</span> Files</h2>
        {!started && <FileChooser onFiles={choose} />}
        {flow.pickError && <p className="inline-error" role="alert" data-testid="pick-error">{flow.pickError}</p>}
        {flow.picked && <PickedList picked={flow.picked} csvPair={flow.format === 'csv'} />}
        {flow.upload.isPending && <JobProgressView progress={flow.sendingProgress} fallbackLabel="Sending the files to GraphKeep" />}
        {flow.upload.isError && <ErrorLine error={flow.upload.error} context="The files could not be sent" />}
        {flow.inspect.isPending && <LoadingState label="Reading the files…" />}
        {flow.inspect.isError && (
          flow.picked?.keys ? (
            <ErrorLine error={flow.friendly(flow.inspect.error)} context="These vectors cannot be imported" />
          ) : (
            <ErrorLine error={flow.friendly(flow.inspect.error)} context="GraphKeep could not read this as a graph" action={flow.uploaded && <span className="error-hint"> Choose the format below if you know it.</span>} />
          )
        )}
        {started && !running && (
          <button type="button" className="button button-quiet" onClick={onRestart} disabled={flow.upload.isPending}>
            Choose other files…
          </button>
        )}
      </section>
      {flow.uploaded && (flow.format !== null || flow.inspect.isError) && <FormatAndMapping flow={flow} />}
      {flow.inspection && <CheckAndImport flow={flow} />}
    </>
  )
}
