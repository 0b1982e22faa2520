import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { PagedQuery } from '../../components/PagedTable.tsx'

/** The keys of the rows a paged list has loaded, in order: the same query (and cache) as its table's. */
export function useLoadedKeys<T, K extends QueryKey>(query: PagedQuery<T, K>, keyOf: (row: T) => string): string[] {
  const list = useInfiniteQuery(query)
  return useMemo(() => list.data?.pages.flatMap((page) => page.items.map(keyOf)) ?? [], [list.data, keyOf])
}
