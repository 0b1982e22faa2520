import type { QueryLogEntry } from '../../../shared/querylog.ts'
import type { Column } from '../../components/PagedTable.tsx'
import { formatCount } from '../../lib/format.ts'
import { formatMs } from './format-ms.ts'

const header = (text: string) => (
  <div role="columnheader" className="vtable-header-cell">
    {text}
  </div>
)

const time = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })

export const logColumns: Column<QueryLogEntry>[] = [
  { width: 'minmax(130px, 150px)', header: header('When'), cellClass: 'cell-mono', cell: (entry) => time.format(entry.at) },
  { width: 'minmax(150px, 1fr)', header: header('Call'), cellClass: 'cell-label', cell: (entry) => entry.method },
  { width: '70px', header: header('From'), cell: (entry) => entry.origin },
  { width: '90px', header: header('Took'), cellClass: 'cell-number', cell: (entry) => formatMs(entry.durationMs) },
  { width: '70px', header: header('Rows'), cellClass: 'cell-number', cell: (entry) => (entry.rowCount === null ? '–' : formatCount(entry.rowCount)) },
  { width: '110px', header: header('Error'), cellClass: 'cell-mono log-error', cell: (entry) => entry.errorCode ?? '' },
  { width: 'minmax(200px, 3fr)', header: header('Input'), cellClass: 'cell-preview cell-mono', cell: (entry) => entry.params ?? '' },
]
