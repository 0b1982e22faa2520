import { formatCount } from '../../lib/format.ts'
import type { EdgeEnd } from '../edges/filter-state.ts'
import { sumOf, type EdgeGroup } from './edge-groups.ts'
import { NeighbourGroup } from './NeighbourGroup.tsx'

const titles = { out: 'Outgoing edges', in: 'Incoming edges' } as const

/** One direction's edges: the exact total, then one paged group per edge type. */
export function NeighbourSection({ direction, node, groups, text }: { direction: 'out' | 'in'; node: EdgeEnd; groups: EdgeGroup[]; text: string }) {
  const headingId = `neighbours-${direction}`
  const total = sumOf(groups, 'total')
  const matching = sumOf(groups, 'matching')
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`${direction === 'out' ? 'outgoing' : 'incoming'}-edges`}>
      <h2 id={headingId} className="card-title">
        {titles[direction]} <span className="count-pill" data-testid="direction-total">{formatCount(total)}</span>
        {text !== '' && <span className="muted edge-group-matching"> {formatCount(matching)} match</span>}
      </h2>
      {groups.length === 0 && <p className="muted">None.</p>}
      {groups.map((group) => (
        <NeighbourGroup key={group.edgeType} node={node} direction={direction} group={group} text={text} />
      ))}
    </section>
  )
}
