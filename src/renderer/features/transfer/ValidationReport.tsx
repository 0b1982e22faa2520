import { useEffect, useRef } from 'react'
import type { ImportReport } from '../../../shared/transfer.ts'
import { formatCount } from '../../lib/format.ts'
import { fileNameOf } from '../../lib/transport-web-files.ts'

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`

/** What a check of the files found: counts, then each problem with its file and line. */
export function ValidationReport({ report, names, onSave }: { report: ImportReport; names: Record<string, string>; onSave: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  // Keyboard users land on the result of the check they asked for.
  useEffect(() => heading.current?.focus(), [report])
  const nameOf = (file: string) => names[file] ?? fileNameOf(file)
  return (
    <div className="validation-report" data-testid="validation-report">
      <div className="report-head">
        <h3 ref={heading} tabIndex={-1}>
          {report.ok ? 'No problems found' : plural(report.problemCount, 'problem', 'problems')}
        </h3>
        <span className={report.ok ? 'badge badge-ok' : 'badge badge-failed'}>{report.ok ? 'ready' : 'needs a choice'}</span>
        <button type="button" className="button button-quiet report-save" onClick={onSave}>Save report</button>
      </div>
      <p data-testid="report-counts">
        {plural(report.nodes, 'node', 'nodes')}{report.vectors > 0 ? ', ' : ' and '}{plural(report.edges, 'edge', 'edges')}
        {report.vectors > 0 && ` and ${plural(report.vectors, 'vector', 'vectors')}`} read ({report.format}).
      </p>
      {report.problems.length > 0 && (
        <div className="table-scroll problems-scroll">
          <table className="data-table problems-table" data-testid="problems-table">
            <caption className="visually-hidden">Problems found in the files</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="numeric">Line</th>
                <th scope="col">Code</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index} data-testid="problem-row">
                  <td><code>{nameOf(problem.file)}</code></td>
                  <td className="numeric" data-testid="problem-line">{problem.line}</td>
                  <td><code className="error-code">{problem.code}</code></td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.problemsTruncated && (
        <p className="muted">Showing the first {formatCount(report.problems.length)} of {formatCount(report.problemCount)} problems; the saved report has the same list.</p>
      )}
    </div>
  )
}
