import { GraphKeepError } from '../../../shared/errors.ts'
import type { GraphEdge, GraphNode } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import type { Adjacency } from '../graph/adjacency.ts'
import type { EdgeList } from '../graph/edge-list.ts'
import { graphNodesByIds, nodeIdsByKeys } from '../repos/graph-nodes.ts'

/** Node ids of these keys, set-based; `missing` lists the keys with no node, first seen first. */
export function resolveKeys(db: Db, keys: readonly string[]): { ids: Map<string, number>; missing: string[] } {
  const ids = new Map(nodeIdsByKeys(db, JSON.stringify(keys)))
  const missing = [...new Set(keys.filter((key) => !ids.has(key)))]
  return { ids, missing }
}

/** The ids of keys that must all exist: NOT_FOUND names the first that does not. */
export function requireKeys(db: Db, keys: readonly string[]): number[] {
  const { ids, missing } = resolveKeys(db, keys)
  if (missing.length > 0) {
    const key = missing[0] as string
    throw new GraphKeepError('NOT_FOUND', `no node with key "${key}"`, { key, ...(missing.length > 1 ? { missing } : {}) })
  }
  return keys.map((key) => ids.get(key) as number)
}

/** Key, type and label of many nodes in one statement, in the order of `ids`. */
export function graphNodes(db: Db, ids: readonly number[]): { nodes: GraphNode[]; keyOf: Map<number, string> } {
  const rows = graphNodesByIds(db, JSON.stringify(ids))
  const byId = new Map(rows.map(([id, key, type, label]) => [id, { key, type, label }]))
  const nodes: GraphNode[] = []
  for (const id of ids) {
    const node = byId.get(id)
    if (node) nodes.push(node)
  }
  return { nodes, keyOf: new Map(rows.map(([id, key]) => [id, key])) }
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
  const { nodes, keyOf } = graphNodes(db, nodeIds)
  return { nodes, edges: graphEdges(adjacency, edges, keyOf) }
}
