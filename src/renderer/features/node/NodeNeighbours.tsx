import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Node } from '../../../shared/domain.ts'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { formatCount, formatCountOf } from '../../lib/format.ts'
import { useDebouncedValue } from '../../lib/use-debounced-value.ts'
import { edgeGroups, sumOf } from './edge-groups.ts'
import { NeighbourSection } from './NeighbourSection.tsx'
import { nodeDetailQueries } from './queries.ts'

/** The node's edges: exact counts per type and direction, each group paged, all filtered by one text. */
export function NodeNeighbours({ node }: { node: Node }) {
  const [typed, setTyped] = useState('')
  const text = useDebouncedValue(typed.trim(), 250)
  const all = useQuery(nodeDetailQueries.edgeCounts(node.key, ''))
  const filtered = useQuery({ ...nodeDetailQueries.edgeCounts(node.key, text), enabled: text !== '', placeholderData: keepPreviousData })
  if (all.isPending) return <LoadingState label="Counting edges…" />
  if (all.isError) return <ErrorState title="Could not count edges" error={all.error} onRetry={() => void all.refetch()} />
  const matching = text !== '' && filtered.data ? filtered.data.types : null
  const groups = { out: edgeGroups(all.data.types, matching, 'out'), in: edgeGroups(all.data.types, matching, 'in') }
  const total = sumOf([...groups.out, ...groups.in], 'total')
  const matched = sumOf([...groups.out, ...groups.in], 'matching')
  const end = { key: node.key, label: node.label || node.key }
  return (
    <>
      {total > 0 && (
        <div className="toolbar neighbour-filter">
          <label className="search-field">
            <span className="visually-hidden">Filter neighbours by label or key</span>
            <input type="search" value={typed} placeholder="Filter neighbours by label or key…" spellCheck={false} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
          </label>
          <span className="muted" role="status" data-testid="neighbour-filter-count">
            {matching ? `${formatCount(matched)} of ${formatCountOf(total, 'edge')} match` : formatCountOf(total, 'edge')}
          </span>
        </div>
      )}
      <div className="neighbour-columns">
        <NeighbourSection direction="out" node={end} groups={groups.out} text={matching ? text : ''} />
        <NeighbourSection direction="in" node={end} groups={groups.in} text={matching ? text : ''} />
      </div>
    </>
  )
}
