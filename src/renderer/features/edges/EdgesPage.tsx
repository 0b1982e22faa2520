import { useQuery } from '@tanstack/react-query'
import { PagedTable } from '../../components/PagedTable.tsx'
import { TypeChips } from '../../components/TypeChips.tsx'
import { nodeDetailQueries } from '../node/queries.ts'
import { typeQueries } from '../types/queries.ts'
import { EdgeEndFilter } from './EdgeEndFilter.tsx'
import { edgeColumns } from './edge-columns.tsx'
import { useEdgeFilters, type EdgeFilterState } from './filter-state.ts'
import { edgeQueries } from './queries.ts'

/**
 * Exact totals per type for the list: the store's type counts, or with one end chosen, that node's
 * edge counts in the one direction; with both ends chosen the list counts what it has loaded.
 */
function useTypeTotals(filters: EdgeFilterState) {
  const counts = useQuery(typeQueries.counts())
  const end = filters.source && !filters.target ? filters.source : !filters.source && filters.target ? filters.target : null
  const atEnd = useQuery({ ...nodeDetailQueries.edgeCounts(end?.key ?? '', ''), enabled: end !== null })
  if (!filters.source && !filters.target) return { chips: counts.data?.edgeTypes, totals: counts.data?.edgeTypes }
  const direction = filters.source ? 'out' : 'in'
  const totals = end ? atEnd.data?.types.filter((t) => t.direction === direction).map(({ type, count }) => ({ type, count })) : undefined
  return { chips: counts.data?.edgeTypes, totals }
}

export function EdgesPage() {
  const [filters, setFilters] = useEdgeFilters()
  const { chips, totals } = useTypeTotals(filters)
  const filtered = filters.types.length > 0 || filters.source !== null || filters.target !== null
  const clearFilters = () => setFilters({ types: [], source: null, target: null })

  const toolbar = (
    <div className="toolbar">
      <EdgeEndFilter end="source" value={filters.source} onChange={(source) => setFilters({ source })} />
      <EdgeEndFilter end="target" value={filters.target} onChange={(target) => setFilters({ target })} />
      {chips && chips.length > 0 && (
        <TypeChips label="Filter edges by type" types={chips} selected={filters.types} onChange={(types) => setFilters({ types })} />
      )}
      {filtered && (
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
  )

  return (
    <PagedTable
      title="Edges"
      noun={['edge', 'edges']}
      query={edgeQueries.list({ types: filters.types, order: filters.order, source: filters.source?.key ?? null, target: filters.target?.key ?? null })}
      columns={edgeColumns((patch) => setFilters(patch))}
      rowKey={(edge) => edge.id}
      rowLabel={(edge) => `${edge.sourceLabel} ${edge.type} ${edge.targetLabel}`}
      toolbar={toolbar}
      types={filters.types}
      typeCounts={totals}
      filtered={filtered ? { onClear: clearFilters } : null}
      emptyHint="Edges connect two nodes; they appear here as soon as they are saved."
    />
  )
}
