import { GraphKeepError } from '../../../shared/errors.ts'
import type { Expansion, Neighbourhood, NeighbourTypes, ShortestPath } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import { edgesAmong } from '../graph/adjacency.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { degreesOf, distributionOf, powerOfTwoHistogram, topByTotal } from '../graph/degrees.ts'
import { EdgeList } from '../graph/edge-list.ts'
import { kHop } from '../graph/neighbourhood.ts'
import { forwardMarks } from '../graph/scratch.ts'
import { dijkstra } from '../graph/dijkstra.ts'
import { bidirectionalBfs } from '../graph/shortest-path.ts'
import { shortestPathsAnswer } from './shortest-paths.ts'
import { nodeIdsOfTypes } from '../repos/graph-nodes.ts'
import type { Calls } from '../api.ts'
import { expandNode } from './expand.ts'
import { graphNodes, requireKeys, resolveKeys, subgraphOf } from './graph-nodes.ts'
import { neighbourTypeCounts } from './neighbour-types.ts'

const DEFAULT_NODE_BUDGET = 2_000

/** The graph view's reads: searches run on the in-memory adjacency; only keys and labels come from SQL. */
export function createGraphCalls(db: Db) {
  return {
    neighbourhood(query): Neighbourhood {
      const seeds = requireKeys(db, query.keys)
      const adjacency = adjacencyOf(db)
      const mask = adjacency.typeMask(query.edgeTypes)
      const subgraph = query.mode !== 'count' && query.mode !== 'keys'
      const budget = query.nodeBudget ?? (subgraph ? DEFAULT_NODE_BUDGET : Number.MAX_SAFE_INTEGER)
      const found = kHop(adjacency, seeds, query.depth, query.direction, mask, budget, subgraph)
      const { truncated, depthReached } = found
      if (subgraph) return { ...subgraphOf(db, adjacency, found.nodes, found.edges), truncated, depthReached }
      const keys = query.mode === 'keys' ? graphNodes(db, found.nodes).nodes.map((node) => node.key) : undefined
      return { nodes: [], edges: [], truncated, depthReached, count: found.nodes.length, ...(keys ? { keys } : {}) }
    },

    expand: (query): Expansion => expandNode(db, query),

    neighbourTypes: (query): NeighbourTypes => neighbourTypeCounts(db, query),

    shortestPath(query): ShortestPath {
      const [from, to] = requireKeys(db, [query.from, query.to]) as [number, number]
      const adjacency = adjacencyOf(db)
      const mask = adjacency.typeMask(query.edgeTypes)
      if (query.weighted) {
        const negative = adjacency.firstNegative(mask)
        if (negative) {
          const [id, type, weight] = negative
          throw new GraphKeepError('VALIDATION', `a weighted path needs weights of 0 or more, but edge ${id} (type "${adjacency.typeNames[type]}") weighs ${weight}; choose other edge types or an unweighted path`, { edgeId: id, weight })
        }
      }
      const search = query.weighted ? dijkstra : bidirectionalBfs
      const path = search(adjacency, from, to, query.direction, mask, query.maxDepth)
      if (path.nodes.length === 0) return { nodes: [], edges: [], found: false, hops: -1, cost: 0 }
      return { ...subgraphOf(db, adjacency, path.nodes, EdgeList.of(path.edges)), found: true, hops: path.edges.length, cost: path.cost }
    },

    shortestPaths: (query) => shortestPathsAnswer(db, query),

    induced(query) {
      const { ids, missing } = resolveKeys(db, query.keys)
      const nodeIds = [...new Set(query.keys.filter((key) => ids.has(key)).map((key) => ids.get(key) as number))]
      const adjacency = adjacencyOf(db)
      const members = forwardMarks.reset(nodeIds.reduce((limit, id) => Math.max(limit, id + 1), adjacency.nodeLimit))
      for (const id of nodeIds) members.set(id, 0)
      const edges = edgesAmong(adjacency, nodeIds, members, adjacency.typeMask(query.edgeTypes))
      return { ...subgraphOf(db, adjacency, nodeIds, edges), missing }
    },

    degrees({ types = [], top: topCount }) {
      const nodeIds = nodeIdsOfTypes(db, types.length > 0 ? JSON.stringify(types) : null)
      const adjacency = adjacencyOf(db)
      const counts = degreesOf(adjacency, nodeIds)
      const total = new Uint32Array(nodeIds.length)
      for (let i = 0; i < total.length; i++) total[i] = (counts.out[i] as number) + (counts.in[i] as number)
      const top = topByTotal(counts, total, topCount)
      const { nodes } = graphNodes(db, top.map((i) => nodeIds[i] as number))
      return {
        nodeCount: nodeIds.length,
        edgeCount: counts.edgeCount,
        out: distributionOf(counts.out),
        in: distributionOf(counts.in),
        total: distributionOf(total),
        histogram: powerOfTwoHistogram(total),
        top: nodes.map((node, i) => ({ ...node, out: counts.out[top[i] as number] as number, in: counts.in[top[i] as number] as number })),
      }
    },
  } satisfies Calls<'graph'>
}
