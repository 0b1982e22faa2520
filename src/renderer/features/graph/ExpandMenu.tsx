import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { formatCount } from '../../lib/format.ts'
import { EXPAND_PAGE, graphQueries } from './queries.ts'
import { entryId, filterFor, type ExpandFilter } from './expand-filter.ts'

/** The small menu a double-click opens: which edge types to follow, with their counts at this node. */
export function ExpandMenu({ nodeKey, at, onExpand, onClose }: {
  nodeKey: string
  at: { x: number; y: number }
  onExpand: (filter: ExpandFilter) => void
  onClose: () => void
}) {
  const types = useQuery(graphQueries.neighbourTypes(nodeKey))
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set())
  const menuRef = useRef<HTMLDivElement>(null)
  useEffect(() => menuRef.current?.focus(), [])

  const entries = types.data?.types ?? []
  const chosen = new Set(entries.map((entry) => entryId(entry.type, entry.direction)).filter((id) => !unchecked.has(id)))
  const filter = filterFor(entries, chosen)
  const toggle = (id: string) => setUnchecked((old) => {
    const next = new Set(old)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return next
  })

  return (
    <div
      ref={menuRef}
      className="graph-expand-menu"
      role="dialog"
      aria-label={`Expand ${nodeKey}`}
      tabIndex={-1}
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
        event.stopPropagation()
      }}
    >
      <p className="graph-menu-title">Expand neighbours</p>
      {types.isPending && <p className="muted">Loading edge types…</p>}
      {types.isError && <ErrorLine error={types.error} />}
      {types.isSuccess && entries.length === 0 && <p className="muted">This node has no edges.</p>}
      <ul className="graph-expand-types">
        {entries.map((entry) => {
          const id = entryId(entry.type, entry.direction)
          return (
            <li key={id}>
              <label>
                <input type="checkbox" checked={chosen.has(id)} onChange={() => toggle(id)} />
                {entry.direction === 'out' ? '→' : '←'} {entry.type} <span className="muted">({formatCount(entry.count)})</span>
              </label>
            </li>
          )
        })}
      </ul>
      <p className="muted graph-menu-note">Adds up to {EXPAND_PAGE} at a time; a “+N more” node fetches the rest.</p>
      <div className="graph-menu-actions">
        <button type="button" className="button" disabled={!filter} onClick={() => filter && onExpand(filter)}>
          Expand
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  )
}
