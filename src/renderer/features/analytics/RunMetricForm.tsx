import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { algorithms, type Algorithm, type RunMetricInput } from '../../../shared/analytics.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { TypeChips } from '../../components/TypeChips.tsx'
import { useJobProgress } from '../../lib/job-progress.ts'
import { useReadOnly } from '../shell/use-read-only.ts'
import { typeQueries } from '../types/queries.ts'
import { useCancelMetric, useRunMetric } from './mutations.ts'

const algorithmNames: Record<Algorithm, string> = {
  degree: 'Degree',
  pagerank: 'PageRank',
  weakComponents: 'Weak components',
  strongComponents: 'Strong components',
  louvain: 'Louvain communities',
  kcore: 'k-core number',
  betweenness: 'Betweenness',
  clustering: 'Clustering coefficient',
}

interface Draft {
  algorithm: Algorithm
  mode: 'in' | 'out' | 'total'
  weighted: boolean
  damping: number
  tolerance: number
  resolution: number
  exactLimit: number
  samples: number
  direction: 'out' | 'in' | 'both'
  nodeTypes: string[]
  edgeTypes: string[]
}

const initial: Draft = { algorithm: 'pagerank', mode: 'total', weighted: false, damping: 0.85, tolerance: 1e-6, resolution: 1, exactLimit: 2000, samples: 256, direction: 'out', nodeTypes: [], edgeTypes: [] }

function requestOf(draft: Draft, jobId: string): RunMetricInput {
  const scope = { direction: draft.direction, ...(draft.nodeTypes.length ? { nodeTypes: draft.nodeTypes } : {}), ...(draft.edgeTypes.length ? { edgeTypes: draft.edgeTypes } : {}) }
  const base = { scope, jobId }
  switch (draft.algorithm) {
    case 'degree': return { ...base, algorithm: 'degree', params: { mode: draft.mode, weighted: draft.weighted } }
    case 'pagerank': return { ...base, algorithm: 'pagerank', params: { damping: draft.damping, tolerance: draft.tolerance, weighted: draft.weighted } }
    case 'louvain': return { ...base, algorithm: 'louvain', params: { resolution: draft.resolution, weighted: draft.weighted } }
    case 'betweenness': return { ...base, algorithm: 'betweenness', params: { exactLimit: draft.exactLimit, samples: draft.samples } }
    default: return { ...base, algorithm: draft.algorithm, params: {} }
  }
}

function NumberField({ label, value, step, onChange }: { label: string; value: number; step: number; onChange: (value: number) => void }) {
  return (
    <label className="field-inline">
      {label}
      <input type="number" value={value} step={step} onChange={(event) => Number.isFinite(event.target.valueAsNumber) && onChange(event.target.valueAsNumber)} />
    </label>
  )
}

/** Chooses a metric, its parameters and scope, and runs it in the store with progress and cancel. */
export function RunMetricForm() {
  const [draft, setDraft] = useState(initial)
  const [job, setJob] = useState<{ id: string; since: number } | null>(null)
  const run = useRunMetric()
  const cancel = useCancelMetric()
  const progress = useJobProgress(job?.id ?? '\u0000', job?.since ?? 0)
  const counts = useQuery(typeQueries.counts())
  const readOnly = useReadOnly()
  const patch = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }))
  const { algorithm } = draft
  const start = () => {
    const id = `metric-${Date.now().toString(36)}`
    setJob({ id, since: Date.now() })
    run.mutate(requestOf(draft, id), { onSettled: () => setJob(null) })
  }

  return (
    <form className="card metric-form" aria-labelledby="run-metric-title" onSubmit={(event) => { event.preventDefault(); start() }}>
      <h2 id="run-metric-title" className="card-title">Run a metric</h2>
      <div className="metric-form-row">
        <label className="field-inline">
          Metric
          <select value={algorithm} onChange={(event) => patch({ algorithm: event.target.value as Algorithm })} data-testid="metric-algorithm">
            {algorithms.map((name) => <option key={name} value={name}>{algorithmNames[name]}</option>)}
          </select>
        </label>
        {algorithm === 'degree' && (
          <label className="field-inline">
            Count
            <select value={draft.mode} onChange={(event) => patch({ mode: event.target.value as Draft['mode'] })}>
              <option value="total">in + out</option>
              <option value="in">in</option>
              <option value="out">out</option>
            </select>
          </label>
        )}
        {algorithm === 'pagerank' && <NumberField label="Damping" value={draft.damping} step={0.01} onChange={(damping) => patch({ damping })} />}
        {algorithm === 'pagerank' && <NumberField label="Tolerance" value={draft.tolerance} step={1e-7} onChange={(tolerance) => patch({ tolerance })} />}
        {algorithm === 'louvain' && <NumberField label="Resolution" value={draft.resolution} step={0.1} onChange={(resolution) => patch({ resolution })} />}
        {algorithm === 'betweenness' && <NumberField label="Exact up to (nodes)" value={draft.exactLimit} step={100} onChange={(exactLimit) => patch({ exactLimit })} />}
        {algorithm === 'betweenness' && <NumberField label="Sample sources" value={draft.samples} step={16} onChange={(samples) => patch({ samples })} />}
        {['degree', 'pagerank', 'louvain'].includes(algorithm) && (
          <label className="field-inline">
            <input type="checkbox" checked={draft.weighted} onChange={(event) => patch({ weighted: event.target.checked })} /> weighted
          </label>
        )}
        {['pagerank', 'strongComponents', 'betweenness'].includes(algorithm) && (
          <label className="field-inline">
            Direction
            <select value={draft.direction} onChange={(event) => patch({ direction: event.target.value as Draft['direction'] })}>
              <option value="out">along edges</option>
              <option value="in">against edges</option>
              <option value="both">either way</option>
            </select>
          </label>
        )}
      </div>
      {counts.data && (
        <div className="metric-form-scope">
          <div className="scope-row"><span className="muted">Nodes</span><TypeChips label="Only nodes of these types" types={counts.data.nodeTypes} selected={draft.nodeTypes} onChange={(nodeTypes) => patch({ nodeTypes })} /><span className="muted">{draft.nodeTypes.length ? '' : 'all types'}</span></div>
          <div className="scope-row"><span className="muted">Edges</span><TypeChips label="Only edges of these types" types={counts.data.edgeTypes} selected={draft.edgeTypes} onChange={(edgeTypes) => patch({ edgeTypes })} /><span className="muted">{draft.edgeTypes.length ? '' : 'all types'}</span></div>
        </div>
      )}
      <div className="metric-form-row">
        <button type="submit" className="button button-primary" disabled={run.isPending || readOnly} data-testid="run-metric">
          {run.isPending ? 'Running…' : 'Run'}
        </button>
        {run.isPending && job && (
          <button type="button" className="button" onClick={() => cancel.mutate(job.id)}>Cancel</button>
        )}
        {readOnly && <span className="muted">This store is open read-only: metrics cannot be stored.</span>}
      </div>
      {run.isPending && <ProgressBar progress={progress} fallbackLabel="Starting…" />}
      {run.isError && <ErrorLine error={run.error} />}
    </form>
  )
}
