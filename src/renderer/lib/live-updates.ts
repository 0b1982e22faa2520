import type { QueryClient } from '@tanstack/react-query'
import type { DataScope } from '../../shared/events.ts'
import { allQueryRoots, queryRoots, type QueryRoot } from './query-keys.ts'
import type { Transport } from './transport.ts'

const affectedRoots: Record<DataScope, readonly QueryRoot[]> = {
  nodes: ['nodes', 'neighbours', 'types', 'store', 'search', 'graph', 'similar', 'history', 'analytics'],
  edges: ['edges', 'neighbours', 'types', 'store', 'graph', 'history', 'analytics'],
  meta: ['meta', 'store', 'history'],
  views: ['views'],
  embeddings: ['similar', 'health'],
  analytics: ['analytics'],
  // A restore replaces the whole store, and the event cannot say whether one happened: refresh all.
  // Only queries on screen refetch; the rest are merely marked stale, so this stays cheap.
  backups: allQueryRoots,
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

export function refreshRoots(queryClient: QueryClient, roots: readonly QueryRoot[]): Promise<void> {
  return Promise.all(roots.map((root) => refresh(queryClient, root))).then(() => undefined)
}

/** After a restore or its undo every cached answer describes a store that is gone. */
export function refreshEverything(queryClient: QueryClient): Promise<void> {
  return refreshRoots(queryClient, allQueryRoots)
}

/** The one place where `dataChanged` events become query invalidations. Returns the unsubscribe. */
export function connectLiveUpdates(transport: Transport, queryClient: QueryClient): () => void {
  return transport.subscribe((event) => {
    if (event.type !== 'dataChanged') return
    void refreshRoots(queryClient, rootsForScopes(event.scopes))
  })
}
