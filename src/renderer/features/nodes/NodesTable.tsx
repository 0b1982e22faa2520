import type { Node } from '../../../shared/domain.ts'
import { PlainHeader, SortHeader, type SortOrder } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import { propertiesPreview } from '../../lib/format.ts'
import { navigate } from '../../lib/router.ts'
import type { NodeSort } from './filter-state.ts'

const COLUMNS = 'minmax(160px, 2fr) minmax(100px, 0.9fr) minmax(140px, 1.5fr) minmax(160px, 3fr)'

export function NodesTable({ nodes, hasMore, loadingMore, onLoadMore, sort, order, onSort }: {
  nodes: Node[]
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
  sort: NodeSort
  order: SortOrder
  onSort: (sort: NodeSort, order: SortOrder) => void
}) {
  const nodeAt = (index: number) => nodes[index] as Node
  const sortProps = { sort, order, onSort }
  return (
    <VirtualTable
      label="Nodes"
      testId="nodes-table"
      columns={COLUMNS}
      header={
        <>
          <SortHeader field="label" label="Label" {...sortProps} />
          <SortHeader field="type" label="Type" {...sortProps} />
          <SortHeader field="key" label="Key" {...sortProps} />
          <PlainHeader label="Properties" />
        </>
      }
      rowCount={nodes.length}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onLoadMore={onLoadMore}
      rowKey={(index) => nodeAt(index).key}
      rowLabel={(index) => `${nodeAt(index).label || nodeAt(index).key}, ${nodeAt(index).type}, ${nodeAt(index).key}`}
      onOpen={(index) => navigate({ name: 'node', key: nodeAt(index).key })}
      renderCells={(index) => {
        const node = nodeAt(index)
        return (
          <>
            <div role="gridcell" className="vtable-cell cell-label">
              {node.label || <span className="muted">(no label)</span>}
            </div>
            <div role="gridcell" className="vtable-cell">
              <TypeBadge type={node.type} />
            </div>
            <div role="gridcell" className="vtable-cell cell-mono">{node.key}</div>
            <div role="gridcell" className="vtable-cell cell-preview">{propertiesPreview(node.properties)}</div>
          </>
        )
      }}
    />
  )
}
