import { useQuery } from '@tanstack/react-query'
import { PagedTable } from '../../components/PagedTable.tsx'
import { TypeChips } from '../../components/TypeChips.tsx'
import { typeQueries } from '../types/queries.ts'
import { edgeColumns } from './edge-columns.tsx'
import { useEdgeFilters } from './filter-state.ts'
import { edgeQueries } from './queries.ts'

export function EdgesPage() {
  const [filters, setFilters] = useEdgeFilters()
  const counts = useQuery(typeQueries.counts())
  const clearFilters = () => setFilters({ types: [] })

  const toolbar = (
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
  )

  return (
    <PagedTable
      title="Edges"
      noun={['edge', 'edges']}
      query={edgeQueries.list(filters)}
      columns={edgeColumns}
      rowKey={(edge) => edge.id}
      rowLabel={(edge) => `${edge.source} ${edge.type} ${edge.target}`}
      toolbar={toolbar}
      types={filters.types}
      typeCounts={counts.data?.edgeTypes}
      filtered={filters.types.length > 0 ? { onClear: clearFilters } : null}
      emptyHint="Edges connect two nodes; they appear here as soon as they are saved."
    />
  )
}
