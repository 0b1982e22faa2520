import type { Edge } from '../../../shared/domain.ts'
import { PlainHeader } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import { propertiesPreview } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'

const COLUMNS = 'minmax(140px, 1.6fr) minmax(110px, 1fr) minmax(140px, 1.6fr) 72px minmax(140px, 2.4fr)'

function NodeLink({ nodeKey }: { nodeKey: string }) {
  return (
    <a className="node-link" href={hrefFor({ name: 'node', key: nodeKey })}>
      {nodeKey}
    </a>
  )
}

export function EdgesTable({ edges, hasMore, loadingMore, onLoadMore }: {
  edges: Edge[]
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
}) {
  const edgeAt = (index: number) => edges[index] as Edge
  return (
    <VirtualTable
      label="Edges"
      testId="edges-table"
      columns={COLUMNS}
      header={
        <>
          <PlainHeader label="Source" />
          <PlainHeader label="Type" />
          <PlainHeader label="Target" />
          <PlainHeader label="Weight" />
          <PlainHeader label="Properties" />
        </>
      }
      rowCount={edges.length}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      rowKey={(index) => edgeAt(index).id}
      rowLabel={(index) => `${edgeAt(index).source} ${edgeAt(index).type} ${edgeAt(index).target}`}
      renderCells={(index) => {
        const edge = edgeAt(index)
        return (
          <>
            <div role="gridcell" className="vtable-cell cell-mono">
              <NodeLink nodeKey={edge.source} />
            </div>
            <div role="gridcell" className="vtable-cell">
              <span className="edge-arrow" aria-hidden="true">→ </span>
              <TypeBadge type={edge.type} />
              <span className="edge-arrow" aria-hidden="true"> →</span>
              <a className="graph-open-link" href={hrefFor({ name: 'graph', keys: [edge.source, edge.target], view: null })} title="Open in graph" aria-label={`Open ${edge.source} and ${edge.target} in the graph`}>
                graph
              </a>
            </div>
            <div role="gridcell" className="vtable-cell cell-mono">
              <NodeLink nodeKey={edge.target} />
            </div>
            <div role="gridcell" className="vtable-cell cell-number">{edge.weight}</div>
            <div role="gridcell" className="vtable-cell cell-preview">{propertiesPreview(edge.properties)}</div>
          </>
        )
      }}
    />
  )
}
