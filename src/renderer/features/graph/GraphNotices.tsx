import { useState } from 'react'
import type { Induced } from '../../../shared/graph.ts'
import { formatCount } from '../../lib/format.ts'
import { checkBudget } from './cy/lod.ts'
import { narrowByTypes } from './cy/narrow.ts'
import type { LoadStatus } from './use-graph-loader.ts'

/** What an empty view says: where graphs come from. */
export function GraphEmptyHint() {
  return (
    <div className="state state-empty" data-testid="graph-empty">
      <h2 className="state-title">Nothing in the graph yet</h2>
      <p className="state-hint">
        Open a node here with <strong>Open in graph</strong> on its page or in the edge list, or press <kbd>Ctrl</kbd>+<kbd>K</kbd>, find a node and
        press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>. Saved views are under <strong>Views…</strong>. Once nodes are here, double-click one to expand its neighbours.
      </p>
    </div>
  )
}

/** Too many elements for one view: choose node types to keep the view within its budget. */
export function OverBudget({ status, onShow }: { status: Extract<LoadStatus, { state: 'over-budget' }>; onShow: (subgraph: Induced) => void }) {
  const counts = new Map<string, number>()
  for (const node of status.subgraph.nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + 1)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const narrowed = narrowByTypes(status.subgraph, chosen)
  const fits = checkBudget(0, narrowed.nodes.length + narrowed.edges.length)
  return (
    <div className="state" role="alert" data-testid="graph-over-budget">
      <h2 className="state-title">Too much for one view</h2>
      <p>{status.message}</p>
      <fieldset className="graph-narrow">
        <legend>Show only these node types</legend>
        {[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={chosen.has(type)}
              onChange={(event) => {
                const next = new Set(chosen)
                if (event.target.checked) next.add(type)
                else next.delete(type)
                setChosen(next)
              }}
            />{' '}
            {type} <span className="muted">({formatCount(count)})</span>
          </label>
        ))}
      </fieldset>
      <p className="muted">
        {formatCount(narrowed.nodes.length)} nodes and {formatCount(narrowed.edges.length)} edges chosen.
      </p>
      <button type="button" className="button" disabled={!fits.ok || narrowed.nodes.length === 0} onClick={() => onShow(narrowed)}>
        Show chosen types
      </button>
    </div>
  )
}
