import { ErrorLine } from '../../components/ErrorLine.tsx'
import type { ShortestPath } from '../../../shared/graph.ts'

export interface PathState {
  from: string | null
  to: string | null
  weighted: boolean
  direction: 'out' | 'in' | 'both'
  running: boolean
  result: ShortestPath | null
  error: unknown
}

export const emptyPath: PathState = { from: null, to: null, weighted: false, direction: 'both', running: false, result: null, error: null }

function outcome(path: PathState): string | null {
  const { result } = path
  if (!result) return null
  if (!result.found) return `No path within 6 hops between ${path.from} and ${path.to}${path.direction === 'both' ? '' : ` (following edges ${path.direction === 'out' ? 'forwards' : 'backwards'} only)`}.`
  const hops = `${result.hops} ${result.hops === 1 ? 'hop' : 'hops'}`
  return path.weighted ? `Shortest by weight: ${hops}, total weight ${Number(result.cost.toFixed(4))}.` : `Shortest path: ${hops}.`
}

/** Path mode: the next two nodes clicked are the ends; the shortest path between them is highlighted. */
export function PathPanel({ path, onChange, onClear, onExit }: {
  path: PathState
  onChange: (patch: Partial<Pick<PathState, 'weighted' | 'direction'>>) => void
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
      <span role="status" aria-live="polite" data-testid="graph-path-status" data-found={path.result ? String(path.result.found) : undefined}>
        {path.running ? 'Searching…' : (message ?? prompt)}
      </span>
      {path.error !== null && <ErrorLine error={path.error} context="Finding the path" />}
      <button type="button" className="button button-quiet" onClick={onClear}>Clear</button>
      <button type="button" className="button button-quiet" onClick={onExit}>Done</button>
    </div>
  )
}
