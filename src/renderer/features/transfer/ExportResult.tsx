import type { ExportSummary } from '../../../shared/transfer.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatBytes, formatCount, formatSeconds } from '../../lib/format.ts'
import { fileNameOf } from '../../lib/transport-web-files.ts'
import { filesAreOnDisk, useDownloadExport } from './mutations.ts'

/** The written files: their paths on the desktop (already on disk), download buttons in web mode. */
export function ExportResult({ summary }: { summary: ExportSummary }) {
  const download = useDownloadExport()
  const onDisk = filesAreOnDisk()
  return (
    <div className="export-result" data-testid="export-result" role="status">
      {summary.vectors === undefined ? (
        <p>
          Exported {formatCount(summary.nodes)} {summary.nodes === 1 ? 'node' : 'nodes'} and {formatCount(summary.edges)}{' '}
          {summary.edges === 1 ? 'edge' : 'edges'} in {formatSeconds(summary.seconds)}.
        </p>
      ) : (
        <p>Exported {formatCount(summary.vectors)} {summary.vectors === 1 ? 'vector' : 'vectors'} and their keys in {formatSeconds(summary.seconds)}.</p>
      )}
      <ul className="export-files">
        {summary.files.map((file) => (
          <li key={file.path} data-testid="export-file">
            {onDisk ? (
              <code className="path">{file.path}</code>
            ) : (
              <button type="button" className="button button-primary" disabled={download.isPending} onClick={() => download.mutate(file.path)}>
                Download {fileNameOf(file.path)}
              </button>
            )}{' '}
            <span className="muted">{formatBytes(file.bytes)}</span>
          </li>
        ))}
      </ul>
      {!onDisk && <p className="muted">A copy stays in the exports folder beside the store.</p>}
      {download.isError && <ErrorLine error={download.error} context="The download failed" />}
    </div>
  )
}
