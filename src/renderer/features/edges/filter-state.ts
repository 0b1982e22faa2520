import type { SortOrder } from '../../components/SortHeader.tsx'
import { createClientStore } from '../../lib/client-store.ts'
import { navigate } from '../../lib/router.ts'

/** An end of the edges listed: a node's key, with its label for the filter's chip. */
export interface EdgeEnd {
  key: string
  label: string
}

export interface EdgeFilterState {
  types: string[]
  order: SortOrder
  source: EdgeEnd | null
  target: EdgeEnd | null
}

const initial: EdgeFilterState = { types: [], order: 'asc', source: null, target: null }
// Kept outside the page so that going back from a node restores the list as the user left it.
const filterStore = createClientStore<EdgeFilterState>(initial)
const update = (patch: Partial<EdgeFilterState>) => filterStore.set({ ...filterStore.get(), ...patch })

export function useEdgeFilters(): [EdgeFilterState, (patch: Partial<EdgeFilterState>) => void] {
  return [filterStore.use(), update]
}

/** Opens the Edges page on the edges from `source` and/or to `target`, of the given types. */
export function showEdges(filter: { source?: EdgeEnd; target?: EdgeEnd; types?: string[] }): void {
  filterStore.set({ ...initial, source: filter.source ?? null, target: filter.target ?? null, types: filter.types ?? [] })
  navigate({ name: 'edges' })
}
