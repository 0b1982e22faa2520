import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { MetricValue } from '../../../shared/analytics.ts'
import { PagedTable, type Column } from '../../components/PagedTable.tsx'
import { PlainHeader } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { navigate } from '../../lib/router.ts'
import { analyticsQueries, metricRange, metricSortedQuery, type MetricSortFilters } from '../analytics/queries.ts'
import { MetricColumnPicker, MetricFilters, metricColumns } from './MetricColumns.tsx'
import type { NodeMetricState } from './metric-state.ts'

const FILTER_DEBOUNCE_MS = 250

/** The Nodes page sorted by a metric run: rank, node, and the chosen metric columns; top N and range filters. */
export function MetricSortedNodes({ state, onChange }: { state: NodeMetricState & { sortRun: number }; onChange: (patch: Partial<NodeMetricState>) => void }) {
  const runs = useQuery(analyticsQueries.runs())
  // Debounced as text: a fresh object every render would never settle.
  const debounced = useDebouncedValue(JSON.stringify([state.top, state.min, state.max]), FILTER_DEBOUNCE_MS)
  const filters: MetricSortFilters = useMemo(() => {
    const [top, min, max] = JSON.parse(debounced) as [number | null, number | null, number | null]
    return { runId: state.sortRun, order: state.order, top, min, max }
  }, [state.sortRun, state.order, debounced])
  const query = metricSortedQuery(filters)
  const total = useQuery(analyticsQueries.values({ ...metricRange(filters), limit: 1 })).data?.total
  const columns: Column<MetricValue>[] = [
    { width: '70px', header: <PlainHeader label="Rank" />, cellClass: 'cell-number', cell: (row) => row.rank.toLocaleString('en-US') },
    { width: 'minmax(160px, 2fr)', header: <PlainHeader label="Label" />, cellClass: 'cell-label', cell: (row) => row.label || <span className="muted">(no label)</span> },
    { width: 'minmax(100px, 0.9fr)', header: <PlainHeader label="Type" />, cell: (row) => <TypeBadge type={row.type} /> },
    { width: 'minmax(140px, 1.5fr)', header: <PlainHeader label="Key" />, cellClass: 'cell-mono', cell: (row) => row.key },
    ...metricColumns<MetricValue>(runs.data?.runs ?? [], state, onChange, (row, runId) => (runId === state.sortRun ? row.value : undefined)),
  ]
  return (
    <PagedTable
      title="Nodes"
      noun={['node', 'nodes']}
      query={query}
      columns={columns}
      rowKey={(row) => row.key}
      rowLabel={(row) => `${row.label || row.key}, rank ${row.rank}, value ${row.value}`}
      onOpen={(row) => navigate({ name: 'node', key: row.key })}
      toolbar={
        <div className="toolbar">
          <MetricColumnPicker state={state} onChange={onChange} />
          <MetricFilters state={state} onChange={onChange} />
        </div>
      }
      types={[]}
      typeCounts={total === undefined ? undefined : [{ type: '', count: total }]}
      filtered={state.top !== null || state.min !== null || state.max !== null ? { onClear: () => onChange({ top: null, min: null, max: null }), hint: 'Widen the range or raise the top N.' } : null}
      emptyHint="This run has no values."
    />
  )
}
