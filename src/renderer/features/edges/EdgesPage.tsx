import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { TypeChips } from '../../components/TypeChips.tsx'
import { describeResultCount } from '../../lib/result-count.ts'
import { typeQueries } from '../types/queries.ts'
import { EdgesTable } from './EdgesTable.tsx'
import { useEdgeFilters } from './filter-state.ts'
import { edgeQueries } from './queries.ts'

export function EdgesPage() {
  const [filters, setFilters] = useEdgeFilters()
  const list = useInfiniteQuery({ ...edgeQueries.list(filters), placeholderData: keepPreviousData })
  const counts = useQuery(typeQueries.counts())
  const edges = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const { fetchNextPage } = list
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const clearFilters = () => setFilters({ types: [] })

  let body
  if (list.isPending) body = <LoadingState label="Loading edges…" />
  else if (list.isError && !list.isFetchNextPageError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />
  else if (edges.length === 0 && filters.types.length > 0)
    body = <EmptyState title="No edges match" action={<button type="button" className="button" onClick={clearFilters}>Clear filters</button>} />
  else if (edges.length === 0) body = <EmptyState title="No edges yet" hint="Edges connect two nodes; they appear here as soon as they are saved." />
  else
    body = (
      <EdgesTable
        key={JSON.stringify(filters)}
        edges={edges}
        hasMore={list.hasNextPage && !list.isFetchNextPageError}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={loadMore}
      />
    )

  return (
    <section className="page" aria-labelledby="edges-title">
      <header className="page-header">
        <h1 id="edges-title">Edges</h1>
        {list.data && (
          <span className="result-count" data-testid="result-count" aria-live="polite">
            {describeResultCount({
              noun: ['edge', 'edges'],
              loaded: edges.length,
              complete: !list.hasNextPage,
              types: filters.types,
              typeCounts: counts.data?.edgeTypes,
            })}
          </span>
        )}
        {list.isFetching && !list.isPending && <span className="spinner spinner-small" role="status" aria-label="Updating" />}
      </header>
      <div className="toolbar">
        {counts.data && counts.data.edgeTypes.length > 0 && (
          <TypeChips label="Filter edges by type" types={counts.data.edgeTypes} selected={filters.types} onChange={(types) => setFilters({ types })} />
        )}
        {filters.types.length > 0 && (
          <button type="button" className="button button-quiet" onClick={clearFilters}>Clear filters</button>
        )}
        <button
          type="button"
          className="button button-quiet toolbar-end"
          aria-label={`Order by creation: ${filters.order === 'asc' ? 'oldest' : 'newest'} first. Click to reverse.`}
          onClick={() => setFilters({ order: filters.order === 'asc' ? 'desc' : 'asc' })}
        >
          {filters.order === 'asc' ? 'Oldest first' : 'Newest first'}
        </button>
      </div>
      {list.isFetchNextPageError && (
        <div className="inline-error" role="alert">
          Could not load more edges: {list.error?.message}{' '}
          <button type="button" className="button button-quiet" onClick={loadMore}>Retry</button>
        </div>
      )}
      <div className="page-body">{body}</div>
    </section>
  )
}
