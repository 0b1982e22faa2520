import { transferFormats, type TransferFormat } from '../../../shared/transfer.ts'
import { fileNameOf } from '../../lib/transport-web-files.ts'
import { EdgeMapping, NodeMapping } from './CsvMappingEditor.tsx'
import { NpyModelField } from './NpyModelField.tsx'
import type { ImportFlowState } from './use-import-flow.ts'

export const formatNames: Record<TransferFormat, string> = {
  jsonl: 'JSON Lines',
  csv: 'CSV',
  graphml: 'GraphML',
  gexf: 'GEXF',
  graphkeep: 'GraphKeep JSON',
  npy: 'NumPy .npy vectors',
}

/** The detected format (changeable) and, for CSV, which column is what. */
export function FormatAndMapping({ flow }: { flow: ImportFlowState }) {
  const { uploaded, inspection } = flow
  const nameOf = (path: string | undefined) => (path ? (uploaded?.names[path] ?? fileNameOf(path)) : '')
  const detected = inspection?.format
  return (
    <section className="card" aria-labelledby="import-format-title">
      <h2 id="import-format-title" className="card-title"><span className="step-number">2</span> Format{flow.format === 'csv' && ' and columns'}{flow.format === 'npy' && ' and model'}</h2>
      <div className="inline-form">
        <label className="field">
          <span>Format</span>
          <select
            value={flow.format ?? ''}
            disabled={flow.run.isPending}
            onChange={(event) => {
              if (event.target.value) flow.changeFormat(event.target.value as TransferFormat)
            }}
            data-testid="format-select"
          >
            {flow.format === null && <option value="">Choose a format…</option>}
            {transferFormats.map((format) => (
              <option key={format} value={format}>{formatNames[format]}</option>
            ))}
          </select>
        </label>
        {detected && (
          <p className="muted format-note" data-testid="detected-format">
            {flow.formatChosen ? `Read as ${formatNames[detected]}` : `Detected: ${formatNames[detected]}`}
            {inspection.files.length > 0 && ` · ${inspection.files.length === 1 ? 'one file' : `${inspection.files.length} files`}`}
          </p>
        )}
      </div>
      {flow.format === 'csv' && inspection?.csv && (
        <fieldset className="mapping-set" disabled={flow.run.isPending}>
          <legend className="visually-hidden">Column mapping</legend>
          {inspection.csv.nodes && flow.nodeColumns && (
            <NodeMapping fileName={nameOf(uploaded?.path)} preview={inspection.csv.nodes} value={flow.nodeColumns} onChange={flow.setNodeColumns} />
          )}
          {inspection.csv.edges && flow.edgeColumns && (
            <EdgeMapping fileName={nameOf(uploaded?.edgesPath)} preview={inspection.csv.edges} value={flow.edgeColumns} onChange={flow.setEdgeColumns} />
          )}
        </fieldset>
      )}
      {flow.format === 'npy' && inspection?.npy && <NpyModelField flow={flow} npy={inspection.npy} />}
      {flow.problems.length > 0 && (
        <ul className="mapping-problems" role="alert">
          {flow.problems.map((problem) => <li key={problem} className="inline-error">{problem}</li>)}
        </ul>
      )}
    </section>
  )
}
