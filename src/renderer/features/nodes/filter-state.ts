import type { SortOrder } from '../../components/SortHeader.tsx'
import { createViewState } from '../../lib/view-state.ts'

export type NodeSort = 'label' | 'key' | 'type'

export interface NodeFilterState {
  types: string[]
  /** What the user typed; the list applies it after a short pause. */
  labelPrefix: string
  sort: NodeSort
  order: SortOrder
}

export const useNodeFilters = createViewState<NodeFilterState>({ types: [], labelPrefix: '', sort: 'label', order: 'asc' })
