import { GraphKeepError } from '../../../shared/errors.ts'
import type { GraphEdge, GraphNode } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import type { Adjacency } from '../graph/adjacency.ts'
import type { EdgeList } from '../graph/edge-list.ts'
import { graphNodesById } from './graph-node-cache.ts'
import { nodeIdsByKeys } from '../repos/graph-nodes.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'

/** Node ids of these keys, set-based; `missing` lists the keys with no node, first seen first. */
export function resolveKeys(db: Db, keys: readonly string[]): { ids: Map<string, number>; missing: string[] } {
  const ids = new Map(nodeIdsByKeys(db, JSON.stringify(keys)))
  const missing = [...new Set(keys.filter((key) => !ids.has(key)))]
  return { ids, missing }
}

/** The ids of keys that must all exist: NOT_FOUND names the first that does not. */
export function requireKeys(db: Db, keys: readonly string[]): number[] {
  // One key (expand, a path's ends): an index seek, not a JSON array to parse and join.
  if (keys.length === 1) {
    const id = getNodeIdByKey(db, keys[0] as string)
    if (id !== undefined) return [id]
  }
  const { ids, missing } = resolveKeys(db, keys)
  if (missing.length > 0) {
    const key = missing[0] as string
    throw new GraphKeepError('NOT_FOUND', `no node with key "${key}"`, { key, ...(missing.length > 1 ? { missing } : {}) })
  }
  return keys.map((key) => ids.get(key) as number)
}

/**
 * Key, type and label of many nodes, in the order of `ids`. Given the adjacency this call traverses,
 * a small answer comes mostly from a cache kept exact by it (graph-node-cache.ts); else one statement.
 */
export function graphNodes(db: Db, ids: readonly number[], adjacency: Adjacency | null = null): { nodes: GraphNode[]; keyOf: Map<number, string> } {
  const byId = graphNodesById(db, adjacency, ids)
  const nodes: GraphNode[] = []
  const keyOf = new Map<number, string>()
  for (const id of ids) {
    const node = byId.get(id)
    if (!node) continue
    nodes.push(node)
    keyOf.set(id, node.key)
  }
  return { nodes, keyOf }
}

export function graphEdges(adjacency: Adjacency, edges: EdgeList, keyOf: Map<number, string>): GraphEdge[] {
  const out: GraphEdge[] = new Array(edges.length)
  for (let i = 0; i < edges.length; i++) {
    out[i] = {
      id: edges.id[i] as number,
      source: keyOf.get(edges.source[i] as number) as string,
      target: keyOf.get(edges.target[i] as number) as string,
      type: adjacency.typeNames[edges.type[i] as number] as string,
      weight: edges.weight[i] as number,
    }
  }
  return out
}

/** Nodes and edges of a search result, with keys for ids. */
export function subgraphOf(db: Db, adjacency: Adjacency, nodeIds: readonly number[], edges: EdgeList): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { nodes, keyOf } = graphNodes(db, nodeIds, adjacency)
  return { nodes, edges: graphEdges(adjacency, edges, keyOf) }
}
