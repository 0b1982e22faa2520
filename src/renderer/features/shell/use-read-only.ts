import { useQuery } from '@tanstack/react-query'
import { storeQueries } from './queries.ts'

/** True when this window shows a store opened for inspection: write buttons are left out. */
export function useReadOnly(): boolean {
  return useQuery(storeQueries.stats()).data?.readOnly === true
}
