import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { MetricRun } from '../../../shared/analytics.ts'
import type { Column } from '../../components/PagedTable.tsx'
import { formatMetric } from '../analytics/metric-format.ts'
import { analyticsQueries, metricCellQuery } from '../analytics/queries.ts'
import type { NodeMetricState } from './metric-state.ts'

function MetricCell({ runId, nodeKey, value }: { runId: number; nodeKey: string; value?: number }) {
  const cell = useQuery({ ...metricCellQuery(runId, nodeKey), enabled: value === undefined })
  const shown = value ?? cell.data?.[0]
  return <>{shown === undefined || shown === null ? <span className="muted">–</span> : formatMetric(shown)}</>
}

function MetricHeader({ run, state, onChange }: { run: MetricRun; state: NodeMetricState; onChange: (patch: Partial<NodeMetricState>) => void }) {
  const active = state.sortRun === run.id
  return (
    <div role="columnheader" aria-sort={active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'} className="vtable-cell vtable-header-cell">
      <button
        type="button"
        className="sort-button"
        title={run.stale ? 'Nodes or edges changed after this run' : undefined}
        onClick={() => onChange({ sortRun: run.id, order: active && state.order === 'desc' ? 'asc' : 'desc' })}
      >
        {run.label}{run.stale ? ' (stale)' : ''}
        <span className="sort-indicator" aria-hidden="true">{active ? (state.order === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </div>
  )
}

/** One column per chosen run; `valueOf` gives the value when the row already carries it (the sorted metric). */
export function metricColumns<T extends { key: string }>(
  runs: MetricRun[],
  state: NodeMetricState,
  onChange: (patch: Partial<NodeMetricState>) => void,
  valueOf?: (row: T, runId: number) => number | undefined,
): Column<T>[] {
  const byId = new Map(runs.map((run) => [run.id, run]))
  return state.columns.flatMap((runId) => {
    const run = byId.get(runId)
    if (!run) return []
    return [{
      width: 'minmax(110px, 1fr)',
      header: <MetricHeader run={run} state={state} onChange={onChange} />,
      cellClass: 'cell-number',
      cell: (row: T) => <MetricCell runId={runId} nodeKey={row.key} value={valueOf?.(row, runId)} />,
    }]
  })
}

/** Chooses which runs are columns. */
export function MetricColumnPicker({ state, onChange }: { state: NodeMetricState; onChange: (patch: Partial<NodeMetricState>) => void }) {
  const runs = useQuery(analyticsQueries.runs())
  const [open, setOpen] = useState(false)
  const list = runs.data?.runs ?? []
  if (list.length === 0) return null
  const toggle = (id: number) => {
    const columns = state.columns.includes(id) ? state.columns.filter((c) => c !== id) : [...state.columns, id]
    onChange({ columns, ...(state.sortRun !== null && !columns.includes(state.sortRun) ? { sortRun: null } : {}) })
  }
  return (
    <div className="metric-picker">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="metric-columns-button">
        Metric columns{state.columns.length > 0 ? ` (${state.columns.length})` : ''}
      </button>
      {open && (
        <div className="metric-picker-list" role="group" aria-label="Metric columns">
          {list.map((run) => (
            <label key={run.id}>
              <input type="checkbox" checked={state.columns.includes(run.id)} onChange={() => toggle(run.id)} />
              {run.label} <span className="muted">#{run.id}{run.stale ? ', stale' : ''}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  )
}

const numberOrNull = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text))

/** Top N and a value range, while the list is sorted by a metric. */
export function MetricFilters({ state, onChange }: { state: NodeMetricState; onChange: (patch: Partial<NodeMetricState>) => void }) {
  const field = (label: string, name: 'top' | 'min' | 'max') => (
    <label className="metric-filter">
      {label}
      <input type="number" value={state[name] ?? ''} onChange={(event) => onChange({ [name]: numberOrNull(event.target.value) })} data-testid={`metric-${name}`} />
    </label>
  )
  return (
    <div className="toolbar" data-testid="metric-filters">
      {field('Top', 'top')}
      {field('Min', 'min')}
      {field('Max', 'max')}
      <button type="button" className="button button-quiet" onClick={() => onChange({ sortRun: null, top: null, min: null, max: null })}>Back to label order</button>
    </div>
  )
}
