export type SortOrder = 'asc' | 'desc'

/** A column header that sorts by its field; a second click reverses the order. */
export function SortHeader<F extends string>({ field, label, sort, order, onSort }: {
  field: F
  label: string
  sort: F
  order: SortOrder
  onSort: (field: F, order: SortOrder) => void
}) {
  const active = sort === field
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <div role="columnheader" aria-sort={ariaSort} className="vtable-cell vtable-header-cell">
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(field, active && order === 'asc' ? 'desc' : 'asc')}
      >
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  )
}

export function PlainHeader({ label }: { label: string }) {
  return (
    <div role="columnheader" className="vtable-cell vtable-header-cell">
      {label}
    </div>
  )
}
