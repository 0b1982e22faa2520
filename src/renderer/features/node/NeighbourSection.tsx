import type { Neighbour } from '../../../shared/domain.ts'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { formatCount } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { groupByEdgeType } from './group-neighbours.ts'

const titles = { out: 'Outgoing edges', in: 'Incoming edges' } as const

export function NeighbourSection({ items, direction }: { items: Neighbour[]; direction: Neighbour['direction'] }) {
  const groups = groupByEdgeType(items, direction)
  const total = groups.reduce((sum, group) => sum + group.items.length, 0)
  const headingId = `neighbours-${direction}`
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`${direction === 'out' ? 'outgoing' : 'incoming'}-edges`}>
      <h2 id={headingId} className="card-title">
        {titles[direction]} <span className="count-pill">{formatCount(total)}</span>
      </h2>
      {groups.length === 0 && <p className="muted">None.</p>}
      {groups.map((group) => (
        <div key={group.edgeType} className="edge-group">
          <h3 className="edge-group-title">
            <span className="edge-arrow" aria-hidden="true">{direction === 'out' ? '→' : '←'}</span> {group.edgeType}{' '}
            <span className="muted">({formatCount(group.items.length)})</span>
          </h3>
          <ul className="neighbour-list" aria-label={`${titles[direction]}: ${group.edgeType}`}>
            {group.items.map(({ edge, node }) => (
              <li key={edge.id}>
                <a className="neighbour-link" href={hrefFor({ name: 'node', key: node.key })}>
                  <span className="neighbour-label">{node.label || node.key}</span>
                  <TypeBadge type={node.type} />
                  {edge.weight !== 1 && <span className="muted neighbour-weight">weight {edge.weight}</span>}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
