import { GraphKeepError } from '../../../shared/errors.ts'
import type { Expansion, Neighbourhood, NeighbourTypes, ShortestPath } from '../../../shared/graph.ts'
import type { Db } from '../db.ts'
import { edgesAmong, rawEdge, stepsOf, type RawEdge } from '../graph/adjacency.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { degreesOf, distributionOf, powerOfTwoHistogram, topByTotal } from '../graph/degrees.ts'
import { EdgeList } from '../graph/edge-list.ts'
import { kHop } from '../graph/neighbourhood.ts'
import { forwardMarks } from '../graph/scratch.ts'
import { dijkstra } from '../graph/dijkstra.ts'
import { bidirectionalBfs } from '../graph/shortest-path.ts'
import { nodeIdsOfTypes } from '../repos/graph-nodes.ts'
import type { Calls } from '../api.ts'
import { graphNodes, requireKeys, resolveKeys, subgraphOf } from './graph-nodes.ts'

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

    expand(query): Expansion {
      const [node] = requireKeys(db, [query.key]) as [number]
      const adjacency = adjacencyOf(db)
      const mask = adjacency.typeMask(query.edgeTypes)
      const slots = stepsOf(query.direction).map((step) => ({ step, ...adjacency.sortedSlots(node, step, mask) }))
      const total = slots.reduce((sum, s) => sum + s.edge.length, 0)
      const edges: RawEdge[] = []
      let skip = query.offset
      for (const { step, neighbour, edge, type, weight } of slots) {
        for (let i = 0; i < edge.length && edges.length < query.limit; i++) {
          if (skip > 0) {
            skip--
            continue
          }
          const id = edge[i] as number
          edges.push(rawEdge(node, step, neighbour[i] as number, id, type[i] as number, weight[i] as number))
        }
      }
      const nodeIds = [...new Set([node, ...edges.map((e) => (e.source === node ? e.target : e.source))])]
      return { ...subgraphOf(db, adjacency, nodeIds, EdgeList.of(edges)), total, omitted: Math.max(0, total - query.offset - edges.length) }
    },

    neighbourTypes({ key }): NeighbourTypes {
      const [node] = requireKeys(db, [key]) as [number]
      const adjacency = adjacencyOf(db)
      const types: NeighbourTypes['types'] = []
      for (const step of ['out', 'in'] as const) {
        const counts = new Map<number, number>()
        adjacency.forEach(node, step, null, (_n, _e, type) => counts.set(type, (counts.get(type) ?? 0) + 1))
        const names = [...counts].map(([type, count]) => ({ type: adjacency.typeNames[type] as string, direction: step, count }))
        types.push(...names.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)))
      }
      return { types }
    },

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
