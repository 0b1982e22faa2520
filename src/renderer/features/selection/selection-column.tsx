import { useEffect, useRef } from 'react'
import type { Column } from '../../components/PagedTable.tsx'
import type { RowSelection } from './row-selection.ts'

function PageCheckbox({ selection }: { selection: RowSelection }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.pageState === 'some'
  }, [selection.pageState])
  return (
    <div role="columnheader" className="vtable-cell vtable-check">
      <input ref={ref} type="checkbox" aria-label="Select all loaded rows" checked={selection.pageState === 'all'} onChange={selection.togglePage} />
    </div>
  )
}

/** A checkbox column: the header's box checks every loaded row, Shift+click checks a range. */
export function selectionColumn<T>(selection: RowSelection, keyOf: (row: T) => string, labelOf: (row: T) => string): Column<T> {
  return {
    width: '36px',
    header: <PageCheckbox selection={selection} />,
    cellClass: 'vtable-check',
    cell: (row) => {
      const key = keyOf(row)
      return (
        <input
          type="checkbox"
          aria-label={`Select ${labelOf(row)}`}
          checked={selection.selected.has(key)}
          // The row opens on click: a click on its box only checks it.
          onClick={(event) => {
            event.stopPropagation()
            selection.toggle(key, event.shiftKey)
          }}
          onChange={() => {}}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.stopPropagation()
          }}
        />
      )
    },
  }
}
