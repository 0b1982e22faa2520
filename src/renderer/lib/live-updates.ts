import type { QueryClient } from '@tanstack/react-query'
import type { DataScope } from '../../shared/events.ts'
import { queryRoots, type QueryRoot } from './query-keys.ts'
import type { Transport } from './transport.ts'

const affectedRoots: Record<DataScope, QueryRoot[]> = {
  nodes: ['nodes', 'neighbours', 'types', 'store'],
  edges: ['edges', 'neighbours', 'types', 'store'],
  meta: ['meta', 'store'],
}

export function rootsForScopes(scopes: readonly DataScope[]): QueryRoot[] {
  return [...new Set(scopes.flatMap((scope) => affectedRoots[scope]))]
}

/**
 * Cancel first: react-query joins an invalidation onto a first fetch still in flight instead of
 * restarting it, so a change made during that fetch would otherwise be lost.
 */
async function refresh(queryClient: QueryClient, root: QueryRoot): Promise<void> {
  const queryKey = queryRoots[root]
  await queryClient.cancelQueries({ queryKey, fetchStatus: 'fetching' })
  await queryClient.invalidateQueries({ queryKey })
}

/** The one place where `dataChanged` events become query invalidations. Returns the unsubscribe. */
export function connectLiveUpdates(transport: Transport, queryClient: QueryClient): () => void {
  return transport.subscribe((event) => {
    if (event.type !== 'dataChanged') return
    for (const root of rootsForScopes(event.scopes)) void refresh(queryClient, root)
  })
}
