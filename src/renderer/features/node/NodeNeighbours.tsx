import { useQuery } from '@tanstack/react-query'
import { ErrorState, LoadingState } from '../../components/StateViews.tsx'
import { formatCount } from '../../lib/format.ts'
import { NeighbourSection } from './NeighbourSection.tsx'
import { NEIGHBOUR_LIMIT, nodeDetailQueries } from './queries.ts'

export function NodeNeighbours({ nodeKey }: { nodeKey: string }) {
  const neighbours = useQuery(nodeDetailQueries.neighbours(nodeKey))
  if (neighbours.isPending) return <LoadingState label="Loading edges…" />
  if (neighbours.isError) return <ErrorState title="Could not load edges" error={neighbours.error} onRetry={() => void neighbours.refetch()} />
  const { items, truncated } = neighbours.data
  return (
    <>
      {truncated && (
        <p className="notice" role="note" data-testid="neighbours-truncated">
          This node has more than {formatCount(NEIGHBOUR_LIMIT)} edges; only the first {formatCount(NEIGHBOUR_LIMIT)} are shown.
        </p>
      )}
      <div className="neighbour-columns">
        <NeighbourSection items={items} direction="out" />
        <NeighbourSection items={items} direction="in" />
      </div>
    </>
  )
}
