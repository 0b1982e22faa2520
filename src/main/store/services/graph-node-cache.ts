import type { GraphNode } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import type { Adjacency } from '../graph/adjacency.ts'
import { adjacencyBatchOf } from '../graph/cache.ts'
import { graphNodesByIds } from '../repos/graph-nodes.ts'

/** Bounds the memory a thread spends (about 150 bytes a node); the cache starts empty again when full. */
const MAX_CACHED = 100_000
/** Larger answers (a deep neighbourhood) are one set-based statement anyway and would only churn the cache. */
const MAX_CACHED_ANSWER = 2_000

interface NodeCache {
  adjacency: Adjacency
  batch: number
  byId: Map<number, GraphNode>
}

const caches = new WeakMap<Db, NodeCache>()

/**
 * The cache of key, type and label by node id for this connection, or null when it cannot be trusted:
 * it holds as long as the adjacency served for this call is the one it was filled beside, caught up to
 * the same last batch (every change to a node adds a batch, and the adjacency checks for one per call).
 */
function cacheFor(db: Db, adjacency: Adjacency): NodeCache | null {
  const batch = adjacencyBatchOf(db, adjacency)
  if (batch === null) return null
  let cache = caches.get(db)
  if (!cache || cache.adjacency !== adjacency || cache.batch !== batch || cache.byId.size > MAX_CACHED) {
    cache = { adjacency, batch, byId: new Map() }
    caches.set(db, cache)
  }
  return cache
}

/** Key, type and label of nodes by id (the ids of a small answer mostly from memory), in the order of `ids`; missing ids are left out. */
export function graphNodesById(db: Db, adjacency: Adjacency | null, ids: readonly number[]): Map<number, GraphNode> {
  const cache = adjacency && ids.length <= MAX_CACHED_ANSWER ? cacheFor(db, adjacency) : null
  const found = new Map<number, GraphNode>()
  const wanted: number[] = []
  for (const id of ids) {
    const node = cache?.byId.get(id)
    if (node) found.set(id, node)
    else wanted.push(id)
  }
  if (wanted.length === 0) return found
  for (const [id, key, type, label] of graphNodesByIds(db, JSON.stringify(wanted))) {
    const node = { key, type, label }
    found.set(id, node)
    // Frozen: the same object answers later calls, so no caller may change it.
    cache?.byId.set(id, Object.freeze(node))
  }
  return found
}
