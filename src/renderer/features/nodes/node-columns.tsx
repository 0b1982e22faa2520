import type { Node } from '../../../shared/domain.ts'
import type { Column } from '../../components/PagedTable.tsx'
import { PlainHeader, SortHeader, type SortOrder } from '../../components/SortHeader.tsx'
import { TypeBadge } from '../../components/TypeBadge.tsx'
import { propertiesPreview } from '../../lib/format.ts'
import type { NodeSort } from './filter-state.ts'

export function nodeColumns(sortProps: { sort: NodeSort; order: SortOrder; onSort: (sort: NodeSort, order: SortOrder) => void }): Column<Node>[] {
  return [
    {
      width: 'minmax(160px, 2fr)',
      header: <SortHeader field="label" label="Label" {...sortProps} />,
      cellClass: 'cell-label',
      cell: (node) => node.label || <span className="muted">(no label)</span>,
    },
    { width: 'minmax(100px, 0.9fr)', header: <SortHeader field="type" label="Type" {...sortProps} />, cell: (node) => <TypeBadge type={node.type} /> },
    { width: 'minmax(140px, 1.5fr)', header: <SortHeader field="key" label="Key" {...sortProps} />, cellClass: 'cell-mono', cell: (node) => node.key },
    { width: 'minmax(160px, 3fr)', header: <PlainHeader label="Properties" />, cellClass: 'cell-preview', cell: (node) => propertiesPreview(node.properties) },
  ]
}
