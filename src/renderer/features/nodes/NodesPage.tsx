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
import { SelectionBar } from '../editing/SelectionBar.tsx'
import { useRowSelection } from '../selection/row-selection.ts'
import { selectionColumn } from '../selection/selection-column.tsx'
import { useLoadedKeys } from '../selection/use-loaded-keys.ts'
import { useReadOnly } from '../shell/use-read-only.ts'

const PREFIX_DEBOUNCE_MS = 200
const keyOfNode = (node: Node) => node.key
const labelOfNode = (node: Node) => node.label || node.key

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
  const readOnly = useReadOnly()
  const query = nodeQueries.list(applied)
  const selection = useRowSelection(useLoadedKeys(query, keyOfNode), JSON.stringify(applied))
  const columns = [
    ...(readOnly ? [] : [selectionColumn(selection, keyOfNode, labelOfNode)]),
    ...nodeColumns({ sort: filters.sort, order: filters.order, onSort: (sort, order) => setFilters({ sort, order }) }),
    ...metricColumns<Node>(runs.data?.runs ?? [], metrics, setMetrics),
  ]
  const isFiltered = applied.types.length > 0 || applied.labelPrefix !== ''

  return (
    <PagedTable
      title="Nodes"
      noun={['node', 'nodes']}
      query={query}
      columns={columns}
      rowKey={(node) => node.key}
      rowLabel={(node) => `${node.label || node.key}, ${node.type}, ${node.key}`}
      onOpen={(node) => navigate({ name: 'node', key: node.key })}
      onToggle={readOnly ? undefined : (node, shift) => selection.toggle(keyOfNode(node), shift)}
      toolbar={<><div className="toolbar"><NodeFilters filters={filters} onChange={setFilters} /><MetricColumnPicker state={metrics} onChange={setMetrics} /><NewNodeButton /></div>{!readOnly && <SelectionBar keys={[...selection.selected]} onClear={selection.clear} />}</>}
      types={applied.types}
      typeCounts={applied.labelPrefix === '' ? counts.data?.nodeTypes : undefined}
      filtered={isFiltered ? { onClear: () => setFilters({ types: [], labelPrefix: '' }), hint: 'Try a shorter label prefix or fewer type filters.' } : null}
      emptyHint="Import a graph with the GraphKeep command line, or create nodes through the API; they will appear here as soon as they are saved."
    />
  )
}
