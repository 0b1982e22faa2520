import { useQuery } from '@tanstack/react-query'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { typeQueries } from '../types/queries.ts'
import type { PathAnswer } from './path-answer.ts'

export interface PathOptions {
  weighted: boolean
  direction: 'out' | 'in' | 'both'
  /** Null: every edge type. */
  edgeTypes: string[] | null
}

export interface PathState extends PathOptions {
  from: string | null
  to: string | null
  running: boolean
  result: PathAnswer | null
  /** Which of the result's paths is shown. */
  selected: number
  error: unknown
}

export const emptyPath: PathState = { from: null, to: null, weighted: false, direction: 'both', edgeTypes: null, running: false, result: null, selected: 0, error: null }

function outcome(path: PathState): string | null {
  const { result } = path
  if (!result) return null
  const only = path.edgeTypes ? ` over ${path.edgeTypes.join(', ')} edges` : ''
  if (!result.found) return `No path within 6 hops between ${path.from} and ${path.to}${only}${path.direction === 'both' ? '' : ` (following edges ${path.direction === 'out' ? 'forwards' : 'backwards'} only)`}.`
  const hops = `${result.hops} ${result.hops === 1 ? 'hop' : 'hops'}`
  if (result.cost !== null) return `Shortest by weight: ${hops}, total weight ${Number(result.cost.toFixed(4))}.`
  return `Shortest path: ${hops}.`
}

/** Which edge types a path may use: a checkbox per type the store holds; all checked means no filter. */
function EdgeTypeFilter({ chosen, onChange }: { chosen: string[] | null; onChange: (types: string[] | null) => void }) {
  const counts = useQuery(typeQueries.counts())
  const all = counts.data?.edgeTypes.map((entry) => entry.type) ?? []
  const isOn = (type: string) => chosen === null || chosen.includes(type)
  const toggle = (type: string) => {
    const next = all.filter((t) => (t === type ? !isOn(t) : isOn(t)))
    onChange(next.length === all.length ? null : next)
  }
  return (
    <details className="graph-path-types">
      <summary>Edge types: {chosen === null ? 'all' : chosen.length === 0 ? 'none' : chosen.join(', ')}</summary>
      <fieldset aria-label="Edge types the path may use">
        {all.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={isOn(type)} onChange={() => toggle(type)} /> {type}
          </label>
        ))}
        {chosen !== null && <button type="button" className="button button-quiet" onClick={() => onChange(null)}>All types</button>}
      </fieldset>
    </details>
  )
}

/** Path mode: the next two nodes clicked are the ends; the shortest paths between them are shown. */
export function PathPanel({ path, onChange, onClear, onExit }: {
  path: PathState
  onChange: (patch: Partial<PathOptions>) => void
  onClear: () => void
  onExit: () => void
}) {
  const prompt = !path.from ? 'Click the first node.' : !path.to ? 'Click the second node.' : null
  const message = outcome(path)
  return (
    <div className="graph-path-panel" role="region" aria-label="Path" data-testid="graph-path-panel">
      <strong>Path</strong>
      <span>
        from <code>{path.from ?? '…'}</code> to <code>{path.to ?? '…'}</code>
      </span>
      <label>
        <input type="checkbox" checked={path.weighted} onChange={(event) => onChange({ weighted: event.target.checked })} /> Weighted
      </label>
      <label>
        Direction{' '}
        <select value={path.direction} onChange={(event) => onChange({ direction: event.target.value as PathState['direction'] })}>
          <option value="both">either</option>
          <option value="out">forwards</option>
          <option value="in">backwards</option>
        </select>
      </label>
      <EdgeTypeFilter chosen={path.edgeTypes} onChange={(edgeTypes) => onChange({ edgeTypes })} />
      <span role="status" aria-live="polite" data-testid="graph-path-status" data-found={path.result ? String(path.result.found) : undefined}>
        {path.running ? 'Searching…' : (message ?? prompt)}
      </span>
      {path.error !== null && <ErrorLine error={path.error} context="Finding the path" />}
      <button type="button" className="button button-quiet" onClick={onClear}>Clear</button>
      <button type="button" className="button button-quiet" onClick={onExit}>Done</button>
    </div>
  )
}
