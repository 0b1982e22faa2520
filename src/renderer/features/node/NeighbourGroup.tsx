import { useInfiniteQuery } from '@tanstack/react-query'
import { ErrorLine } from '../../components/ErrorLine.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { formatCount } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import { showEdges, type EdgeEnd } from '../edges/filter-state.ts'
import type { EdgeGroup } from './edge-groups.ts'
import { NEIGHBOUR_PAGE, nodeDetailQueries } from './queries.ts'

const arrows = { out: '→', in: '←' } as const

/** The edges of one type and direction: its exact count, the neighbours a page at a time, and "load more". */
export function NeighbourGroup({ node, direction, group, text }: { node: EdgeEnd; direction: 'out' | 'in'; group: EdgeGroup; text: string }) {
  const { edgeType, total, matching } = group
  const list = useInfiniteQuery({ ...nodeDetailQueries.group({ key: node.key, direction, edgeType, text }), enabled: matching > 0 })
  const rows = list.data?.pages.flatMap((page) => page.items) ?? []
  const left = Math.max(0, matching - rows.length)
  const openInEdges = () => showEdges({ [direction === 'out' ? 'source' : 'target']: node, types: [edgeType] })
  return (
    <div className="edge-group" data-testid="edge-group" data-direction={direction} data-edge-type={edgeType}>
      <h3 className="edge-group-title">
        <span className="edge-arrow" aria-hidden="true">{arrows[direction]}</span> {edgeType}{' '}
        <span className="muted" data-testid="edge-group-count">
          ({text !== '' ? `${formatCount(matching)} of ${formatCount(total)}` : formatCount(total)})
        </span>
        <button type="button" className="button button-quiet edge-group-open" onClick={openInEdges} aria-label={`All ${formatCount(total)} ${edgeType} edges ${direction === 'out' ? 'from' : 'to'} this node in the Edges page`}>
          Edges page
        </button>
      </h3>
      {matching === 0 && text !== '' && <p className="muted edge-group-empty">No neighbour matches “{text}”.</p>}
      {list.isPending && matching > 0 && <p className="muted">Loading…</p>}
      {list.isError && <ErrorLine error={list.error} context="Loading neighbours" />}
      {rows.length > 0 && (
        <ul className="neighbour-list" aria-label={`${direction === 'out' ? 'Outgoing' : 'Incoming'} edges: ${edgeType}`}>
          {rows.map(({ edge, node: other }) => (
            <li key={edge.id}>
              <a className="neighbour-link" href={hrefFor({ name: 'node', key: other.key })}>
                <span className="neighbour-label">{other.label || other.key}</span>
                <TypeBadge type={other.type} />
                {edge.weight !== 1 && <span className="muted neighbour-weight">weight {edge.weight}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
      {rows.length > 0 && left > 0 && (
        <div className="edge-group-more">
          <span className="muted" data-testid="edge-group-shown">Showing {formatCount(rows.length)} of {formatCount(matching)}</span>
          <button type="button" className="button" disabled={list.isFetchingNextPage || !list.hasNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : `Load ${formatCount(Math.min(NEIGHBOUR_PAGE, left))} more`}
          </button>
        </div>
      )}
    </div>
  )
}
