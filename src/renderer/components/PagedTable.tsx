import { keepPreviousData, useInfiniteQuery, type InfiniteData, type QueryKey, type UseInfiniteQueryOptions } from '@tanstack/react-query'
import { Fragment, useCallback, useMemo, type ReactNode } from 'react'
import type { Page, TypeCounts } from '../../shared/domain.ts'
import { describeResultCount } from '../lib/result-count.ts'
import { EmptyState, ErrorState, LoadingState } from './StateViews.tsx'
import { VirtualTable } from './VirtualTable.tsx'

export interface Column<T> {
  /** A CSS grid track, e.g. `minmax(140px, 2fr)`. */
  width: string
  header: ReactNode
  /** Extra class of the cells, beside `vtable-cell`. */
  cellClass?: string
  cell: (row: T) => ReactNode
}

export type PagedQuery<T, K extends QueryKey> = UseInfiniteQueryOptions<Page<T>, Error, InfiniteData<Page<T>>, K, string | null>

export interface PagedTableProps<T, K extends QueryKey> {
  title: string
  noun: [singular: string, plural: string]
  /** A list query from a feature's queries.ts, one page per cursor. */
  query: PagedQuery<T, K>
  columns: Column<T>[]
  rowKey: (row: T) => string | number
  rowLabel: (row: T) => string
  onOpen?: (row: T) => void
  /** Space on a focused row checks it (see VirtualTable). */
  onToggle?: (row: T, shift: boolean) => void
  /** The filters above the table. */
  toolbar?: ReactNode
  /** Type filters and type counts, for a total before every page is loaded. */
  types: string[]
  typeCounts: TypeCounts['nodeTypes'] | undefined
  /** Set when filters narrow the list: an empty result then offers to clear them. */
  filtered: { onClear: () => void; hint?: string } | null
  emptyHint: string
}

/** A list page: the header with its count, the filters, and the rows of a paged query in a virtual table. */
export function PagedTable<T, K extends QueryKey>(props: PagedTableProps<T, K>) {
  const { title, noun, query, columns, filtered } = props
  const list = useInfiniteQuery({ ...query, placeholderData: keepPreviousData })
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const { fetchNextPage } = list
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const titleId = `${noun[1]}-title`

  let body
  if (list.isPending) body = <LoadingState label={`Loading ${noun[1]}…`} />
  else if (list.isError && !list.isFetchNextPageError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />
  else if (rows.length === 0 && filtered)
    body = (
      <EmptyState
        title={`No ${noun[1]} match`}
        hint={filtered.hint}
        action={<button type="button" className="button" onClick={filtered.onClear}>Clear filters</button>}
      />
    )
  else if (rows.length === 0) body = <EmptyState title={`No ${noun[1]} yet`} hint={props.emptyHint} />
  else {
    const rowAt = (index: number) => rows[index] as T
    const { onOpen, onToggle } = props
    body = (
      <VirtualTable
        // A new query starts at the top, with the first row active.
        key={JSON.stringify(query.queryKey)}
        label={title}
        testId={`${noun[1]}-table`}
        columns={columns.map((column) => column.width).join(' ')}
        header={columns.map((column, i) => <Fragment key={i}>{column.header}</Fragment>)}
        rowCount={rows.length}
        hasMore={list.hasNextPage && !list.isFetchNextPageError}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={loadMore}
        rowKey={(index) => props.rowKey(rowAt(index))}
        rowLabel={(index) => props.rowLabel(rowAt(index))}
        onOpen={onOpen && ((index) => onOpen(rowAt(index)))}
        onToggle={onToggle && ((index, shift) => onToggle(rowAt(index), shift))}
        renderCells={(index) =>
          columns.map((column, i) => (
            <div key={i} role="gridcell" className={column.cellClass ? `vtable-cell ${column.cellClass}` : 'vtable-cell'}>
              {column.cell(rowAt(index))}
            </div>
          ))
        }
      />
    )
  }

  return (
    <section className="page" aria-labelledby={titleId}>
      <header className="page-header">
        <h1 id={titleId}>{title}</h1>
        {list.data && (
          <span className="result-count" data-testid="result-count" aria-live="polite">
            {describeResultCount({ noun, loaded: rows.length, complete: !list.hasNextPage, types: props.types, typeCounts: props.typeCounts })}
          </span>
        )}
        {list.isFetching && !list.isPending && <span className="spinner spinner-small" role="status" aria-label="Updating" />}
      </header>
      {props.toolbar}
      {list.isFetchNextPageError && (
        <div className="inline-error" role="alert">
          Could not load more {noun[1]}: {list.error?.message}{' '}
          <button type="button" className="button button-quiet" onClick={loadMore}>Retry</button>
        </div>
      )}
      <div className="page-body">{body}</div>
    </section>
  )
}

