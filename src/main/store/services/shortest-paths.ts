import type { ShortestPaths, shortestPathsInput } from '../../../shared/graph.ts'
import type { z } from 'zod'
import type { Db } from '../db.ts'
import { allShortestPaths } from '../graph/all-shortest-paths.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { EdgeList } from '../graph/edge-list.ts'
import { graphEdges, graphNodes, requireKeys } from './graph-nodes.ts'

/** graph.shortestPaths: the paths by key, and each node and edge of them once. */
export function shortestPathsAnswer(db: Db, query: z.output<typeof shortestPathsInput>): ShortestPaths {
  const [from, to] = requireKeys(db, [query.from, query.to]) as [number, number]
  const adjacency = adjacencyOf(db)
  const found = allShortestPaths(adjacency, from, to, query.direction, adjacency.typeMask(query.edgeTypes), query.maxDepth, query.limit)
  if (!found) return { nodes: [], edges: [], found: false, hops: -1, paths: [], more: false }
  const nodeIds = [...new Set(found.paths.flatMap((path) => path.nodes))]
  const edges = new EdgeList()
  const seen = new Set<number>()
  for (const edge of found.paths.flatMap((path) => path.edges)) {
    if (seen.has(edge.id)) continue
    seen.add(edge.id)
    edges.push(edge.id, edge.source, edge.target, edge.type, edge.weight)
  }
  const { nodes, keyOf } = graphNodes(db, nodeIds)
  const paths = found.paths.map((path) => ({ nodes: path.nodes.map((id) => keyOf.get(id) as string), edges: path.edges.map((edge) => edge.id) }))
  return { nodes, edges: graphEdges(adjacency, edges, keyOf), found: true, hops: found.hops, paths, more: found.more }
}
