import type { ListedEdge } from '../../../shared/domain.ts'
import type { Column } from '../../components/PagedTable.tsx'
import { PlainHeader } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { propertiesPreview } from '../../lib/format.ts'
import { hrefFor } from '../../lib/router.ts'
import type { EdgeEnd, EdgeFilterState } from './filter-state.ts'

type Narrow = (patch: Partial<Pick<EdgeFilterState, 'source' | 'target'>>) => void

/** A node's label as a link to its page, its key beside it, and a button that keeps only its edges at this end. */
function NodeCell({ end, node, narrow }: { end: 'source' | 'target'; node: EdgeEnd; narrow: Narrow }) {
  return (
    <span className="edge-node-cell">
      <a className="node-link" href={hrefFor({ name: 'node', key: node.key })} title={node.key}>
        {node.label}
      </a>
      {node.label !== node.key && <code className="muted edge-node-key">{node.key}</code>}
      <button
        type="button"
        className="button button-quiet edge-node-narrow"
        title={`Only edges ${end === 'source' ? 'from' : 'to'} this node`}
        aria-label={`Only edges ${end === 'source' ? 'from' : 'to'} ${node.label}`}
        onClick={() => narrow({ [end]: node })}
      >
        ⌕
      </button>
    </span>
  )
}

function EdgeType({ edge }: { edge: ListedEdge }) {
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

const labelled = (key: string, label: string): EdgeEnd => ({ key, label: label || key })

export const edgeColumns = (narrow: Narrow): Column<ListedEdge>[] => [
  { width: 'minmax(160px, 1.8fr)', header: <PlainHeader label="Source" />, cell: (edge) => <NodeCell end="source" node={labelled(edge.source, edge.sourceLabel)} narrow={narrow} /> },
  { width: 'minmax(110px, 1fr)', header: <PlainHeader label="Type" />, cell: (edge) => <EdgeType edge={edge} /> },
  { width: 'minmax(160px, 1.8fr)', header: <PlainHeader label="Target" />, cell: (edge) => <NodeCell end="target" node={labelled(edge.target, edge.targetLabel)} narrow={narrow} /> },
  { width: '72px', header: <PlainHeader label="Weight" />, cellClass: 'cell-number', cell: (edge) => edge.weight },
  { width: 'minmax(140px, 2fr)', header: <PlainHeader label="Properties" />, cellClass: 'cell-preview', cell: (edge) => propertiesPreview(edge.properties) },
]
