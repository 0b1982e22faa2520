import type { Edge } from '../../../shared/domain.ts'
import type { Column } from '../../components/PagedTable.tsx'
import { PlainHeader } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { propertiesPreview } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'

function NodeLink({ nodeKey }: { nodeKey: string }) {
  return (
    <a className="node-link" href={hrefFor({ name: 'node', key: nodeKey })}>
      {nodeKey}
    </a>
  )
}

function EdgeType({ edge }: { edge: Edge }) {
  return (
    <>
      <span className="edge-arrow" aria-hidden="true">→ </span>
      <TypeBadge type={edge.type} />
      <span className="edge-arrow" aria-hidden="true"> →</span>
      <a className="graph-open-link" href={hrefFor({ name: 'graph', keys: [edge.source, edge.target], view: null })} title="Open in graph" aria-label={`Open ${edge.source} and ${edge.target} in the graph`}>
        graph
      </a>
    </>
  )
}

export const edgeColumns: Column<Edge>[] = [
  { width: 'minmax(140px, 1.6fr)', header: <PlainHeader label="Source" />, cellClass: 'cell-mono', cell: (edge) => <NodeLink nodeKey={edge.source} /> },
  { width: 'minmax(110px, 1fr)', header: <PlainHeader label="Type" />, cell: (edge) => <EdgeType edge={edge} /> },
  { width: 'minmax(140px, 1.6fr)', header: <PlainHeader label="Target" />, cellClass: 'cell-mono', cell: (edge) => <NodeLink nodeKey={edge.target} /> },
  { width: '72px', header: <PlainHeader label="Weight" />, cellClass: 'cell-number', cell: (edge) => edge.weight },
  { width: 'minmax(140px, 2.4fr)', header: <PlainHeader label="Properties" />, cellClass: 'cell-preview', cell: (edge) => propertiesPreview(edge.properties) },
]
