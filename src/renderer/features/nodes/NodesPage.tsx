import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { describeResultCount } from '../../lib/result-count.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { typeQueries } from '../types/queries.ts'
import { useNodeFilters } from './filter-state.ts'
import { NodeFilters } from './NodeFilters.tsx'
import { NodesTable } from './NodesTable.tsx'
import { nodeQueries, type NodeListFilters } from './queries.ts'

const PREFIX_DEBOUNCE_MS = 200

export function NodesPage() {
  const [filters, setFilters] = useNodeFilters()
  const labelPrefix = useDebouncedValue(filters.labelPrefix, PREFIX_DEBOUNCE_MS)
  const applied: NodeListFilters = useMemo(
    () => ({ types: filters.types, labelPrefix, sort: filters.sort, order: filters.order }),
    [filters.types, labelPrefix, filters.sort, filters.order],
  )
  const list = useInfiniteQuery({ ...nodeQueries.list(applied), placeholderData: keepPreviousData })
  const counts = useQuery(typeQueries.counts())
  const nodes = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const { fetchNextPage } = list
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage])
  const clearFilters = () => setFilters({ types: [], labelPrefix: '' })

  let body
  if (list.isPending) body = <LoadingState label="Loading nodes…" />
  else if (list.isError && !list.isFetchNextPageError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />
  else if (nodes.length === 0 && (applied.types.length > 0 || applied.labelPrefix !== ''))
    body = (
      <EmptyState
        title="No nodes match"
        hint="Try a shorter label prefix or fewer type filters."
        action={<button type="button" className="button" onClick={clearFilters}>Clear filters</button>}
      />
    )
  else if (nodes.length === 0)
    body = <EmptyState title="No nodes yet" hint="Import a graph with the GraphKeep command line, or create nodes through the API; they will appear here as soon as they are saved." />
  else
    body = (
      <NodesTable
        key={JSON.stringify(applied)}
        nodes={nodes}
        hasMore={list.hasNextPage && !list.isFetchNextPageError}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={loadMore}
        sort={filters.sort}
        order={filters.order}
        onSort={(sort, order) => setFilters({ sort, order })}
      />
    )

  return (
    <section className="page" aria-labelledby="nodes-title">
      <header className="page-header">
        <h1 id="nodes-title">Nodes</h1>
        {list.data && (
          <span className="result-count" data-testid="result-count" aria-live="polite">
            {describeResultCount({
              noun: ['node', 'nodes'],
              loaded: nodes.length,
              complete: !list.hasNextPage,
              types: applied.types,
              typeCounts: applied.labelPrefix === '' ? counts.data?.nodeTypes : undefined,
            })}
          </span>
        )}
        {list.isFetching && !list.isPending && <span className="spinner spinner-small" role="status" aria-label="Updating" />}
      </header>
      <NodeFilters filters={filters} onChange={setFilters} />
      {list.isFetchNextPageError && (
        <div className="inline-error" role="alert">
          Could not load more nodes: {list.error?.message}{' '}
          <button type="button" className="button button-quiet" onClick={loadMore}>Retry</button>
        </div>
      )}
      <div className="page-body">{body}</div>
    </section>
  )
}
