import { useEffect, useRef } from 'react'
import type { ImportSummary } from '../../../shared/transfer.ts'
import { formatCount, formatSeconds } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'

/** What the import did, with the way to the new data. */
export function ImportSummaryView({ summary, onAnother }: { summary: ImportSummary; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const written = summary.nodes.inserted + summary.nodes.updated + summary.edges.inserted
  return (
    <section className={summary.cancelled ? 'card import-summary import-summary-cancelled' : 'card import-summary'} aria-labelledby="import-summary-title" data-testid="import-summary">
      <h2 id="import-summary-title" ref={heading} tabIndex={-1} className="card-title">
        {summary.cancelled ? 'Import cancelled' : 'Import finished'}
      </h2>
      {summary.cancelled && (
        <p data-testid="cancelled-note">{written === 0 ? 'Nothing was written.' : 'The rows written before Cancel are kept; the rest were not imported.'}</p>
      )}
      <table className="facts-table" data-testid="summary-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Inserted</th>
            <th scope="col">Updated</th>
            <th scope="col">Skipped</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Nodes</th>
            <td data-testid="nodes-inserted">{formatCount(summary.nodes.inserted)}</td>
            <td>{formatCount(summary.nodes.updated)}</td>
            <td>{formatCount(summary.nodes.skipped)}</td>
          </tr>
          <tr>
            <th scope="row">Edges</th>
            <td data-testid="edges-inserted">{formatCount(summary.edges.inserted)}</td>
            <td className="muted">—</td>
            <td>{formatCount(summary.edges.skipped)}</td>
          </tr>
          {summary.vectors.stored + summary.vectors.skipped > 0 && (
            <tr>
              <th scope="row">Vectors</th>
              <td data-testid="vectors-stored">{formatCount(summary.vectors.stored)}</td>
              <td className="muted">—</td>
              <td>{formatCount(summary.vectors.skipped)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="muted" data-testid="summary-speed">
        {formatSeconds(summary.seconds)} · {formatCount(Math.round(summary.rowsPerSecond))} rows/s
      </p>
      {summary.report.problemCount > 0 && (
        <p data-testid="summary-problems">
          {formatCount(summary.report.problemCount)} bad {summary.report.problemCount === 1 ? 'row was' : 'rows were'} left out, as the check listed.
        </p>
      )}
      <div className="summary-actions">
        <a className="button button-primary" href={hrefFor({ name: 'nodes' })}>Go to nodes</a>
        <button type="button" className="button" onClick={onAnother}>Import another file</button>
      </div>
    </section>
  )
}
