import type { QueryLogEntry } from '../../../shared/querylog.ts'
import { formatTimestamp } from '../../lib/format.ts'
import { formatMs } from './format-ms.ts'

export function SlowestList({ entries, onOpen }: { entries: QueryLogEntry[]; onOpen: (entry: QueryLogEntry) => void }) {
  return (
    <div className="slowest" data-testid="slowest">
      <h2 className="panel-title">Slowest</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <ol className="slowest-list">
          {entries.slice(0, 8).map((entry) => (
            <li key={entry.id}>
              <button type="button" className="link-button slowest-entry" onClick={() => onOpen(entry)} title={`${entry.method}, ${formatTimestamp(entry.at)}`}>
                <span className="slowest-ms">{formatMs(entry.durationMs)}</span>
                <span className="slowest-method">{entry.method}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
