import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Node } from '../../../shared/domain.ts'
import { PagedTable } from '../../components/PagedTable.tsx'
import { navigate } from '../../lib/router.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { typeQueries } from '../types/queries.ts'
import { useNodeFilters } from './filter-state.ts'
import { NewNodeButton } from '../editing/EditNodeButtons.tsx'
import { nodeColumns } from './node-columns.tsx'
import { NodeFilters } from './NodeFilters.tsx'
import { MetricColumnPicker, metricColumns } from './MetricColumns.tsx'
import { MetricSortedNodes } from './MetricSortedNodes.tsx'
import { useNodeMetrics } from './metric-state.ts'
import { analyticsQueries } from '../analytics/queries.ts'
import { nodeQueries, type NodeListFilters } from './queries.ts'

const PREFIX_DEBOUNCE_MS = 200

export function NodesPage() {
  const [metrics, setMetrics] = useNodeMetrics()
  if (metrics.sortRun !== null) return <MetricSortedNodes state={{ ...metrics, sortRun: metrics.sortRun }} onChange={setMetrics} />
  return <NodesByField />
}

function NodesByField() {
  const [filters, setFilters] = useNodeFilters()
  const [metrics, setMetrics] = useNodeMetrics()
  const runs = useQuery(analyticsQueries.runs())
  const labelPrefix = useDebouncedValue(filters.labelPrefix, PREFIX_DEBOUNCE_MS)
  const applied: NodeListFilters = useMemo(
    () => ({ types: filters.types, labelPrefix, sort: filters.sort, order: filters.order }),
    [filters.types, labelPrefix, filters.sort, filters.order],
  )
  const counts = useQuery(typeQueries.counts())
  const columns = [
    ...nodeColumns({ sort: filters.sort, order: filters.order, onSort: (sort, order) => setFilters({ sort, order }) }),
    ...metricColumns<Node>(runs.data?.runs ?? [], metrics, setMetrics),
  ]
  const isFiltered = applied.types.length > 0 || applied.labelPrefix !== ''

  return (
    <PagedTable
      title="Nodes"
      noun={['node', 'nodes']}
      query={nodeQueries.list(applied)}
      columns={columns}
      rowKey={(node) => node.key}
      rowLabel={(node) => `${node.label || node.key}, ${node.type}, ${node.key}`}
      onOpen={(node) => navigate({ name: 'node', key: node.key })}
      toolbar={<div className="toolbar"><NodeFilters filters={filters} onChange={setFilters} /><MetricColumnPicker state={metrics} onChange={setMetrics} /><NewNodeButton /></div>}
      types={applied.types}
      typeCounts={applied.labelPrefix === '' ? counts.data?.nodeTypes : undefined}
      filtered={isFiltered ? { onClear: () => setFilters({ types: [], labelPrefix: '' }), hint: 'Try a shorter label prefix or fewer type filters.' } : null}
      emptyHint="Import a graph with the GraphKeep command line, or create nodes through the API; they will appear here as soon as they are saved."
    />
  )
}
