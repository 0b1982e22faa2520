import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { MetricRun } from '../../../shared/analytics.ts'
import { usePageCommand } from '../commands/page-commands.ts'
import { analyticsQueries } from '../analytics/queries.ts'
import { EGO_DEPTHS, type FocusFilters } from './use-focus.ts'

const isComponentRun = (run: MetricRun) => run.algorithm === 'weakComponents' || run.algorithm === 'strongComponents'
const runName = (run: MetricRun) => `${run.label}${run.stale ? ' (stale)' : ''} · #${run.id}`

function RunChoice({ label, runs, value, onChange }: { label: string; runs: MetricRun[]; value: MetricRun | undefined; onChange: (id: number) => void }) {
  return (
    <label className="field-inline">
      {label}
      <select value={value?.id ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {runs.map((run) => <option key={run.id} value={run.id}>{runName(run)}</option>)}
      </select>
    </label>
  )
}

/** The Focus popover: the ego network of the selected node to depth k, the largest component, the k-core. */
export function GraphFocusControls({ focus, selectedKey, onClose }: { focus: FocusFilters; selectedKey: string | null; onClose: () => void }) {
  const runs = useQuery(analyticsQueries.runs()).data?.runs ?? []
  const componentRuns = runs.filter(isComponentRun)
  const coreRuns = runs.filter((run) => run.algorithm === 'kcore')
  const [depth, setDepth] = useState(2)
  const [componentRunId, setComponentRunId] = useState<number | null>(null)
  const [coreRunId, setCoreRunId] = useState<number | null>(null)
  const [k, setK] = useState(2)
  // The newest run of each kind unless another is chosen.
  const componentRun = componentRuns.find((run) => run.id === componentRunId) ?? componentRuns[0]
  const coreRun = coreRuns.find((run) => run.id === coreRunId) ?? coreRuns[0]
  const maxCore = coreRun?.summary.maxCore
  return (
    <div className="graph-popover graph-focus" role="dialog" aria-label="Focus" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <h3 className="graph-panel-subtitle">Neighbourhood</h3>
      <div className="graph-group-actions">
        <label className="field-inline">
          Depth
          <select value={depth} aria-label="Neighbourhood depth" onChange={(event) => setDepth(Number(event.target.value))}>
            {EGO_DEPTHS.map((value) => <option key={value} value={value}>{value}</option>)}
          </select>
        </label>
        <button type="button" className="button" disabled={selectedKey === null || focus.busy} onClick={() => selectedKey && void focus.ego(selectedKey, depth)}>
          Show only the neighbourhood
        </button>
      </div>
      <p className="muted graph-menu-note">{selectedKey === null ? 'Select a node first.' : `Of ${selectedKey}: nodes missing from the view are loaded.`}</p>

      <h3 className="graph-panel-subtitle">Largest component</h3>
      {componentRun ? (
        <div className="graph-group-actions">
          <RunChoice label="Run" runs={componentRuns} value={componentRun} onChange={setComponentRunId} />
          <button type="button" className="button" disabled={focus.busy} onClick={() => void focus.largestComponent(componentRun)}>Show only the largest component</button>
        </div>
      ) : (
        <p className="muted graph-menu-note">Run weak or strong components on the Statistics page first.</p>
      )}

      <h3 className="graph-panel-subtitle">k-core</h3>
      {coreRun ? (
        <div className="graph-group-actions">
          <RunChoice label="Run" runs={coreRuns} value={coreRun} onChange={setCoreRunId} />
          <label className="field-inline">
            k
            <input type="number" min={1} max={maxCore} value={k} size={4} aria-label="k" onChange={(event) => setK(Math.max(1, Math.floor(Number(event.target.value) || 1)))} />
          </label>
          <button type="button" className="button" disabled={focus.busy} onClick={() => void focus.kCore(coreRun, k)}>Show only the {k}-core</button>
          {maxCore !== undefined && <span className="muted">largest k: {maxCore}</span>}
        </div>
      ) : (
        <p className="muted graph-menu-note">Run k-core on the Statistics page first.</p>
      )}
      {focus.focus && <button type="button" className="button" onClick={focus.clear}>Clear focus</button>}
    </div>
  )
}

/** The line under the toolbar while a focus hides the rest of the view; Escape on it clears the focus. */
export function GraphFocusBanner({ focus }: { focus: FocusFilters }) {
  usePageCommand(focus.focus ? { id: 'graph.clearFocus', title: 'Clear focus', shortcut: 'Escape on the focus line', run: focus.clear } : null)
  if (!focus.focus) return null
  return (
    <p
      className="graph-message"
      role="status"
      data-testid="graph-focus"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        focus.clear()
      }}
    >
      Focus: {focus.focus.description} · {focus.focus.shown.toLocaleString('en-US')} nodes shown{' '}
      <button type="button" className="button button-quiet" onClick={focus.clear}>Clear focus</button>
    </p>
  )
}
