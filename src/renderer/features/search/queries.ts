import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { PropertyFilter } from '../../../shared/domain.ts'
import type { SearchInput } from '../../../shared/search.ts'
import { api } from '../../lib/api.ts'
import { queryRoots } from '../../lib/query-keys.ts'

export const PALETTE_LIMIT = 8
export const SEARCH_PAGE_SIZE = 50

export interface SearchFilters {
  text: string
  types: string[]
  where: PropertyFilter[]
}

function toInput(filters: SearchFilters, cursor: string | null): SearchInput {
  return {
    text: filters.text,
    limit: SEARCH_PAGE_SIZE,
    ...(filters.types.length > 0 ? { types: filters.types } : {}),
    ...(filters.where.length > 0 ? { where: filters.where } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

/** Text with nothing but spaces is not sent: the contract refuses it. */
const searchable = (text: string) => text.trim() !== ''

export const searchQueries = {
  /** The palette's instant results: the first few hits only. */
  palette: (text: string) =>
    queryOptions({
      queryKey: [...queryRoots.search, 'palette', text],
      queryFn: () => api.call('search.query', { text, limit: PALETTE_LIMIT }),
      enabled: searchable(text),
    }),
  results: (filters: SearchFilters) =>
    infiniteQueryOptions({
      queryKey: [...queryRoots.search, 'results', filters],
      queryFn: ({ pageParam }) => api.call('search.query', toInput(filters, pageParam)),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      enabled: searchable(filters.text),
    }),
  /** Per-type counts for the filter chips: every type, after the property predicates. */
  counts: (text: string, where: PropertyFilter[]) =>
    queryOptions({
      queryKey: [...queryRoots.search, 'counts', text, where],
      queryFn: () => api.call('search.counts', { text, ...(where.length > 0 ? { where } : {}) }),
      enabled: searchable(text),
    }),
}
