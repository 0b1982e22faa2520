import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState, type RefObject } from 'react'
import type { MetricRun } from '../../../shared/analytics.ts'
import { isGrouping } from '../analytics/metric-format.ts'
import { analyticsQueries, viewValuesQuery } from '../analytics/queries.ts'
import type { GraphController } from './cy/graph-controller.ts'
import { applyMetricStyle, groupColours, GROUP_COLOURS } from './cy/metric-style.ts'

interface Choice {
  sizeRun: number | null
  colourRun: number | null
  filterRun: number | null
  min: number | null
  max: number | null
}

const none: Choice = { sizeRun: null, colourRun: null, filterRun: null, min: null, max: null }
const numberOrNull = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text))

function RunSelect({ label, runs, value, onChange, testId }: { label: string; runs: MetricRun[]; value: number | null; onChange: (id: number | null) => void; testId: string }) {
  return (
    <label className="field-inline">
      {label}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))} data-testid={testId}>
        <option value="">—</option>
        {runs.map((run) => <option key={run.id} value={run.id}>{run.label}{run.stale ? ' (stale)' : ''}</option>)}
      </select>
    </label>
  )
}

const asMap = (values: Record<string, [number, number]> | undefined) => (values ? new Map(Object.entries(values).map(([key, [value]]) => [key, value])) : null)

/** Size nodes by a metric, colour them by component or community, show only a range of a metric. */
export function GraphMetricControls({ controllerRef, viewKeys }: { controllerRef: RefObject<GraphController | null>; viewKeys: string[] }) {
  const runs = useQuery(analyticsQueries.runs()).data?.runs ?? []
  const [choice, setChoice] = useState<Choice>(none)
  const runIds = useMemo(() => [...new Set([choice.sizeRun, choice.colourRun, choice.filterRun].filter((id): id is number => id !== null))], [choice.sizeRun, choice.colourRun, choice.filterRun])
  const values = useQuery(viewValuesQuery(runIds, viewKeys)).data
  useEffect(() => {
    const cy = controllerRef.current?.cy
    if (!cy) return
    const of = (runId: number | null) => (runId === null ? null : asMap(values?.[runId]))
    const filterValues = of(choice.filterRun)
    applyMetricStyle(cy, {
      size: of(choice.sizeRun),
      colour: of(choice.colourRun),
      filter: filterValues ? { values: filterValues, min: choice.min, max: choice.max } : null,
    })
  }, [controllerRef, values, choice, viewKeys])
  if (runs.length === 0) return null
  const patch = (next: Partial<Choice>) => setChoice((current) => ({ ...current, ...next }))
  const colourRun = runs.find((run) => run.id === choice.colourRun)
  const inView = colourRun ? [...groupColours(Object.values(values?.[colourRun.id] ?? {}).map(([group]) => group))].slice(0, GROUP_COLOURS.length) : []
  return (
    <div className="graph-metric-controls" role="group" aria-label="Style by metric">
      <RunSelect label="Size by" runs={runs.filter((run) => !isGrouping(run))} value={choice.sizeRun} onChange={(sizeRun) => patch({ sizeRun })} testId="graph-size-by" />
      <RunSelect label="Colour by" runs={runs.filter(isGrouping)} value={choice.colourRun} onChange={(colourRun) => patch({ colourRun })} testId="graph-colour-by" />
      <RunSelect label="Show only" runs={runs} value={choice.filterRun} onChange={(filterRun) => patch({ filterRun })} testId="graph-filter-by" />
      {choice.filterRun !== null && (
        <>
          <label className="metric-filter">from <input type="number" value={choice.min ?? ''} onChange={(event) => patch({ min: numberOrNull(event.target.value) })} data-testid="graph-filter-min" /></label>
          <label className="metric-filter">to <input type="number" value={choice.max ?? ''} onChange={(event) => patch({ max: numberOrNull(event.target.value) })} data-testid="graph-filter-max" /></label>
        </>
      )}
      {colourRun && (
        <span className="muted" data-testid="graph-group-legend">
          {inView.map(([group, colour]) => (
            <span key={group} className="group-swatch"><span style={{ background: colour }} />{group}</span>
          ))}
          {inView.length === GROUP_COLOURS.length && ' others grey'}
        </span>
      )}
    </div>
  )
}
