import type { ConsoleResult, ConsoleValue } from '../../../shared/sql-console.ts'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import { formatCount } from '../../lib/format.ts'

function cellText(value: ConsoleValue): string {
  if (value === null) return 'NULL'
  if (typeof value === 'object') return `x'${value.blobHex}${value.bytes * 2 > value.blobHex.length ? '…' : ''}' (${formatCount(value.bytes)} bytes)`
  return String(value)
}

const noop = () => {}

/** The rows of a statement in the virtual table; each header says the column's declared type and what came back. */
export function ResultGrid({ result }: { result: ConsoleResult }) {
  const columns = result.columns.map(() => 'minmax(120px, 1fr)').join(' ')
  return (
    <div className="result-grid" data-testid="console-result">
      <p className="result-count" aria-live="polite">
        {formatCount(result.rows.length)} {result.rows.length === 1 ? 'row' : 'rows'}
        {result.truncated ? ' (cut at the row limit)' : ''} · {result.durationMs.toFixed(1)} ms
      </p>
      {result.columns.length > 0 && (
        <VirtualTable
          label="Statement result"
          columns={columns}
          header={result.columns.map((column, i) => (
            <div key={i} role="columnheader" className="vtable-header-cell console-column">
              <span className="console-column-name">{column.name}</span>
              <span className="console-column-type" title="declared type · storage class of the values">
                {column.declaredType || '—'} · {column.valueType}
              </span>
            </div>
          ))}
          rowCount={result.rows.length}
          hasMore={false}
          loadingMore={false}
          onLoadMore={noop}
          rowKey={(index) => index}
          renderCells={(index) =>
            (result.rows[index] ?? []).map((value, i) => (
              <div key={i} role="gridcell" className={value === null ? 'vtable-cell cell-mono cell-null' : typeof value === 'number' ? 'vtable-cell cell-number' : 'vtable-cell cell-mono'}>
                {cellText(value)}
              </div>
            ))
          }
          testId="console-rows"
        />
      )}
    </div>
  )
}
