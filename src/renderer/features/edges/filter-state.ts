import type { SortOrder } from '../../components/SortHeader.tsx'
import { createViewState } from '../../lib/view-state.ts'

export interface EdgeFilterState {
  types: string[]
  order: SortOrder
}

export const useEdgeFilters = createViewState<EdgeFilterState>({ types: [], order: 'asc' })
