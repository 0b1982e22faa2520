import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { ExpandOrder } from '../../../shared/graph.ts'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { createClientStore } from '../../lib/client-store.ts'
import { formatCount } from '../../lib/format.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { entryId, filtersFor, type ExpandFilter } from './expand-filter.ts'
import { chosenOrder, useExpandOrders } from './expand-orders.ts'
import { EXPAND_PAGE, graphQueries } from './queries.ts'

const PAGE_SIZES = [10, 25, 50, 100]
// The analyst's ranking and page size hold for the next node too.
const remembered = createClientStore<{ order: ExpandOrder; runId: number | null; limit: number }>({ order: 'degree', runId: null, limit: EXPAND_PAGE })

/**
 * The menu a double-click opens: which edge types to follow (with their exact counts at this node),
 * how to rank the neighbours, how many per type, and a text the neighbours must match.
 */
export function ExpandMenu({ nodeKey, at, onExpand, onClose }: {
  nodeKey: string
  at: { x: number; y: number }
  onExpand: (filters: ExpandFilter[]) => void
  onClose: () => void
}) {
  const { order: rememberedOrder, runId, limit } = remembered.use()
  const orders = useExpandOrders()
  const ranking = chosenOrder(orders, rememberedOrder, runId)
  const order = ranking.order
  const [typed, setTyped] = useState('')
  const text = useDebouncedValue(typed.trim(), 250)
  const types = useQuery(graphQueries.neighbourTypes(nodeKey))
  const matching = useQuery({ ...graphQueries.neighbourTypes(nodeKey, text), enabled: text !== '', placeholderData: keepPreviousData })
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set())
  const menuRef = useRef<HTMLDivElement>(null)
  useEffect(() => menuRef.current?.focus(), [])

  const entries = types.data?.types ?? []
  const matchCounts = text !== '' && matching.data ? new Map(matching.data.types.map((entry) => [entryId(entry.type, entry.direction), entry.count])) : null
  const countOf = (id: string, count: number) => (matchCounts ? (matchCounts.get(id) ?? 0) : count)
  const chosen = new Set(entries.map((entry) => entryId(entry.type, entry.direction)).filter((id) => !unchecked.has(id)))
  const worthAsking = new Set([...chosen].filter((id) => countOf(id, 1) > 0))
  const filters = filtersFor(entries, worthAsking, { order, ...(ranking.runId !== undefined ? { runId: ranking.runId } : {}), limit, text: matchCounts ? text : '' })
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
      <label className="search-field graph-expand-text">
        <span className="visually-hidden">Only neighbours whose label or key contains</span>
        <input type="search" value={typed} placeholder="Only neighbours matching…" spellCheck={false} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
      </label>
      <div className="graph-expand-options">
        <label>
          <span>Rank</span>
          <select
            value={ranking.value}
            aria-label="Rank neighbours"
            onChange={(event) => {
              const next = orders.find((choice) => choice.value === event.target.value) ?? ranking
              remembered.set({ order: next.order, runId: next.runId ?? null, limit })
            }}
          >
            {orders.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
          </select>
        </label>
        <label>
          <span>Show</span>
          <select value={limit} aria-label="Neighbours per type" onChange={(event) => remembered.set({ order, runId: ranking.runId ?? null, limit: Number(event.target.value) })}>
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
          </select>
          <span>per type</span>
        </label>
      </div>
      {types.isPending && <p className="muted">Loading edge types…</p>}
      {types.isError && <ErrorLine error={types.error} />}
      {types.isSuccess && entries.length === 0 && <p className="muted">This node has no edges.</p>}
      <ul className="graph-expand-types">
        {entries.map((entry) => {
          const id = entryId(entry.type, entry.direction)
          const count = countOf(id, entry.count)
          return (
            <li key={id} className={count === 0 ? 'graph-expand-none' : undefined}>
              <label>
                <input type="checkbox" checked={chosen.has(id)} onChange={() => toggle(id)} />
                <span className="graph-expand-type">{entry.direction === 'out' ? '→' : '←'} {entry.type}</span>
                <span className="muted graph-expand-count" data-testid="expand-type-count">
                  {matchCounts ? `${formatCount(count)} of ${formatCount(entry.count)}` : formatCount(entry.count)}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      <p className="muted graph-menu-note">
        {ranking.adds(limit)}; a “+N more” node per type adds the next {limit}.
      </p>
      <div className="graph-menu-actions">
        <button type="button" className="button" disabled={filters.length === 0} onClick={() => onExpand(filters)}>
          Expand
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  )
}
