import { z } from 'zod'
import { runId } from './analytics.ts'
import { direction, edgeId, neighbourText, nodeKey, typeList } from './domain.ts'
import { jsonObject } from './json.ts'

/** Nodes and edges as the graph view draws them: no properties (fetch one with nodes.get). */
export const graphNode = z.object({ key: nodeKey, type: z.string(), label: z.string() })
export type GraphNode = z.infer<typeof graphNode>
export const graphEdge = z.object({ id: edgeId, source: nodeKey, target: nodeKey, type: z.string(), weight: z.number() })
export type GraphEdge = z.infer<typeof graphEdge>
export const subgraph = z.object({ nodes: z.array(graphNode), edges: z.array(graphEdge) })
export type Subgraph = z.infer<typeof subgraph>

const MAX_SEEDS = 1000
/** The most nodes a neighbourhood with its edges returns; counts and key lists have no such cap. */
export const MAX_SUBGRAPH_NODES = 50_000
export const neighbourhoodInput = z.strictObject({
  keys: z.array(nodeKey).min(1).max(MAX_SEEDS),
  depth: z.number().int().min(1).max(6).default(2),
  direction: direction.default('both'),
  edgeTypes: typeList.optional(),
  /** Stop after this many nodes. Default 2,000 with `mode` 'subgraph', unlimited for 'count' and 'keys'. */
  nodeBudget: z.number().int().min(1).max(1_000_000_000).optional(),
  /** 'subgraph' (when left out): nodes and edges; 'count': only how many nodes; 'keys': the nodes' keys, breadth-first, no edges. */
  mode: z.enum(['subgraph', 'count', 'keys']).optional(),
}).refine((query) => (query.mode ?? 'subgraph') !== 'subgraph' || (query.nodeBudget ?? 0) <= MAX_SUBGRAPH_NODES, {
  message: `a neighbourhood with its edges holds at most ${MAX_SUBGRAPH_NODES} nodes; ask for mode 'count' or 'keys' for more`,
  path: ['nodeBudget'],
})
export type NeighbourhoodInput = z.input<typeof neighbourhoodInput>
export type NeighbourhoodQuery = z.output<typeof neighbourhoodInput>
/** The nodes found breadth-first (seeds first) and every edge of the chosen types among them, whichever way it points. */
export const neighbourhood = subgraph.extend({
  /** The node budget stopped the search: some node within `depth` was left out. */
  truncated: z.boolean(),
  /** The largest distance from the seeds among the returned nodes (0: only the seeds). */
  depthReached: z.number(),
  /** Modes 'count' and 'keys': how many nodes were found (nodes and edges are then empty). */
  count: z.number().optional(),
  /** Mode 'keys': the keys of the nodes found, seeds first, breadth-first. */
  keys: z.array(nodeKey).optional(),
})
export type Neighbourhood = z.infer<typeof neighbourhood>

/**
 * How expand ranks a node's edges. `id`: outgoing first, then incoming, each by (type name, other
 * node, edge id). `degree`: by the other node's degree (all its edges, every type and direction),
 * highest first, then by other node, direction, type and edge id, so one neighbour's edges stay together.
 * `metric`: by the other node's value in the stored metric run `runId`, highest first (nodes the run
 * did not cover last), then by other node, direction, type and edge id, as `degree`.
 */
export const expandOrders = ['id', 'degree', 'metric'] as const
export const expandOrder = z.enum(expandOrders)
export type ExpandOrder = z.infer<typeof expandOrder>

/** One step of the graph view: the neighbours of one node, a page at a time, and how many are left. */
export const expandInput = z.strictObject({
  key: nodeKey,
  direction: direction.default('both'),
  edgeTypes: typeList.optional(),
  /** How to rank the edges; `id` when not given. */
  order: expandOrder.optional(),
  /** The metric run that order `metric` ranks by. */
  runId: runId.optional(),
  /** Only neighbours whose label or key contains this text (case-insensitive). */
  text: neighbourText.optional(),
  limit: z.number().int().min(1).max(10_000).default(50),
  offset: z.number().int().min(0).max(1_000_000_000).default(0),
}).refine((query) => (query.order === 'metric') === (query.runId !== undefined), {
  message: "order 'metric' needs the runId of a metric run, and a runId needs order 'metric'",
  path: ['runId'],
})
export type ExpandInput = z.input<typeof expandInput>
export type ExpandQuery = z.output<typeof expandInput>
/**
 * A page of the node's edges (outgoing first, then incoming; each by type name, other node, edge id),
 * the node itself first among `nodes`. `total` counts the matching edges, `omitted` those after this page.
 */
export const expansion = subgraph.extend({ total: z.number(), omitted: z.number() })
export type Expansion = z.infer<typeof expansion>

/** The edge types at a node, counted exactly; with `text`, only edges to neighbours whose label or key contains it. */
export const neighbourTypesInput = z.strictObject({ key: nodeKey, text: neighbourText.optional() })
export type NeighbourTypesInput = z.input<typeof neighbourTypesInput>
export const neighbourTypes = z.object({
  types: z.array(z.object({ type: z.string(), direction: z.enum(['out', 'in']), count: z.number() })),
})
export type NeighbourTypes = z.infer<typeof neighbourTypes>

export const shortestPathInput = z.strictObject({
  from: nodeKey,
  to: nodeKey,
  direction: direction.default('both'),
  edgeTypes: typeList.optional(),
  /**
   * Cheapest sum of edge weights over at most `maxDepth` edges, instead of the fewest hops. Weights
   * must not be negative: a negative edge of the chosen types anywhere in the graph is a VALIDATION error.
   */
  weighted: z.boolean().default(false),
  maxDepth: z.number().int().min(1).max(6).default(6),
})
export type ShortestPathInput = z.input<typeof shortestPathInput>
export type ShortestPathQuery = z.output<typeof shortestPathInput>
export const shortestPath = subgraph.extend({
  found: z.boolean(),
  /** Number of edges on the path; 0 when from = to; -1 when not found. */
  hops: z.number(),
  /** Sum of the path's edge weights. */
  cost: z.number(),
})
export type ShortestPath = z.infer<typeof shortestPath>

// All shortest paths (path mode's alternatives): every path of the fewest hops, up to `limit`.
export const MAX_SHORTEST_PATHS = 10
export const shortestPathsInput = z.strictObject({
  from: nodeKey,
  to: nodeKey,
  direction: direction.default('both'),
  edgeTypes: typeList.optional(),
  maxDepth: z.number().int().min(1).max(6).default(6),
  limit: z.number().int().min(1).max(MAX_SHORTEST_PATHS).default(MAX_SHORTEST_PATHS),
})
export type ShortestPathsInput = z.input<typeof shortestPathsInput>
/** One path as node keys and edge ids from `from` to `to`; its elements are in the answer's nodes and edges. */
export const keyPath = z.object({ nodes: z.array(nodeKey), edges: z.array(edgeId) })
export type KeyPath = z.infer<typeof keyPath>
export const shortestPaths = subgraph.extend({
  found: z.boolean(),
  /** Edges on each path; 0 when from = to; -1 when not found. */
  hops: z.number(),
  /** Ordered by their steps' internal node ids, then edge ids: the same answer every time. */
  paths: z.array(keyPath),
  /** More paths of this length exist than `limit`. */
  more: z.boolean(),
})
export type ShortestPaths = z.infer<typeof shortestPaths>

export const inducedInput = z.strictObject({ keys: z.array(nodeKey).min(1).max(50_000), edgeTypes: typeList.optional() })
export type InducedInput = z.input<typeof inducedInput>
export const induced = subgraph.extend({ missing: z.array(nodeKey) })
export type Induced = z.infer<typeof induced>

export const degreesInput = z.strictObject({ types: typeList.optional(), top: z.number().int().min(1).max(100).default(10) })
export type DegreesInput = z.input<typeof degreesInput>
const distribution = z.object({ min: z.number(), max: z.number(), mean: z.number(), median: z.number(), p90: z.number(), p99: z.number() })
export const degreeStats = z.object({
  nodeCount: z.number(),
  /** Edges with at least one end among the counted nodes (every edge when no type is chosen). */
  edgeCount: z.number(),
  out: distribution,
  in: distribution,
  total: distribution,
  /** Node counts by total degree in power-of-two buckets: [0], [1], [2,3], [4,7], … */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
  top: z.array(graphNode.extend({ in: z.number(), out: z.number() })),
})
export type DegreeStats = z.infer<typeof degreeStats>

// Saved graph views: the renderer owns the shape of `state`; the store keeps it as JSON.
export const viewName = z.string().trim().min(1, 'a view needs a name').max(200, 'view names are limited to 200 characters')
export const viewSummary = z.object({ name: z.string(), nodeCount: z.number(), createdAt: z.number(), updatedAt: z.number() })
export type ViewSummary = z.infer<typeof viewSummary>
export const savedView = viewSummary.extend({ state: jsonObject })
export type SavedView = z.infer<typeof savedView>
export const saveViewInput = z.strictObject({ name: viewName, state: jsonObject, nodeCount: z.number().int().min(0).max(1_000_000_000) })
export type SaveViewInput = z.input<typeof saveViewInput>
