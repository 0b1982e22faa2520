import { z } from 'zod'
import { nodeKey, typeList } from './domain.ts'
import { jobId } from './transfer.ts'

// Graph analytics: metric runs computed in the store, one value per node, kept as data.

export const algorithms = ['degree', 'pagerank', 'weakComponents', 'strongComponents', 'louvain', 'kcore', 'betweenness', 'clustering'] as const
export type Algorithm = (typeof algorithms)[number]
/** Metrics whose values name a group (component, community) rather than measure a node. */
export const groupingAlgorithms: readonly Algorithm[] = ['weakComponents', 'strongComponents', 'louvain']

export const metricScope = z.strictObject({
  nodeTypes: typeList.optional(),
  edgeTypes: typeList.optional(),
  /** Which way edges count: along them ('out'), against them ('in'), or either way ('both'). */
  direction: z.enum(['out', 'in', 'both']).default('out'),
})
export type MetricScope = z.output<typeof metricScope>

const seed = z.number().int().min(0).max(2 ** 31 - 1).default(1)
export const paramsOf = {
  degree: z.strictObject({ mode: z.enum(['in', 'out', 'total']).default('total'), weighted: z.boolean().default(false) }),
  pagerank: z.strictObject({
    damping: z.number().gt(0).lt(1).default(0.85),
    tolerance: z.number().gt(0).max(0.1).default(1e-6),
    maxIterations: z.number().int().min(1).max(10_000).default(100),
    weighted: z.boolean().default(false),
  }),
  weakComponents: z.strictObject({}),
  strongComponents: z.strictObject({}),
  louvain: z.strictObject({ resolution: z.number().gt(0).max(100).default(1), weighted: z.boolean().default(false), seed }),
  kcore: z.strictObject({}),
  betweenness: z.strictObject({
    /** Up to this many nodes every node is a source (exact); above it, `samples` sources chosen at random. */
    exactLimit: z.number().int().min(1).max(1_000_000).default(2_000),
    samples: z.number().int().min(1).max(100_000).default(256),
    normalized: z.boolean().default(false),
    seed,
  }),
  clustering: z.strictObject({}),
} as const satisfies Record<Algorithm, z.ZodType>

const runOf = <A extends Algorithm, P extends z.ZodType>(algorithm: A, params: P) =>
  z.strictObject({
    algorithm: z.literal(algorithm),
    params,
    scope: metricScope.prefault({}),
    /** Names the progress events and lets the caller cancel. */
    jobId: jobId.optional(),
  })

export const runMetricInput = z.discriminatedUnion('algorithm', [
  runOf('degree', paramsOf.degree.prefault({})),
  runOf('pagerank', paramsOf.pagerank.prefault({})),
  runOf('weakComponents', paramsOf.weakComponents.prefault({})),
  runOf('strongComponents', paramsOf.strongComponents.prefault({})),
  runOf('louvain', paramsOf.louvain.prefault({})),
  runOf('kcore', paramsOf.kcore.prefault({})),
  runOf('betweenness', paramsOf.betweenness.prefault({})),
  runOf('clustering', paramsOf.clustering.prefault({})),
])
export type RunMetricInput = z.input<typeof runMetricInput>
export type RunMetricRequest = z.output<typeof runMetricInput>

export const runId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** What an algorithm reports beside its values. */
export const runSummary = z.object({
  iterations: z.number().optional(),
  converged: z.boolean().optional(),
  modularity: z.number().optional(),
  /** Components or communities found. */
  groups: z.number().optional(),
  largestGroup: z.number().optional(),
  /** Betweenness: exact (every node a source) or estimated from `samples` sources. */
  exact: z.boolean().optional(),
  samples: z.number().optional(),
  maxCore: z.number().optional(),
})
export type RunSummary = z.infer<typeof runSummary>

export const metricRun = z.object({
  id: runId,
  algorithm: z.enum(algorithms),
  params: z.record(z.string(), z.unknown()),
  scope: z.object({ nodeTypes: z.array(z.string()).optional(), edgeTypes: z.array(z.string()).optional(), direction: z.enum(['out', 'in', 'both']) }),
  /** The newest audit batch when the run read the graph. */
  batchId: z.number(),
  startedAt: z.number(),
  durationMs: z.number(),
  nodeCount: z.number(),
  edgeCount: z.number(),
  summary: runSummary,
  /** A later batch changed nodes or edges: the values may no longer describe the graph. */
  stale: z.boolean(),
  /** A short name for columns and legends: "PageRank", "Degree (in)". */
  label: z.string(),
})
export type MetricRun = z.infer<typeof metricRun>

export const metricValuesInput = z.strictObject({
  runId,
  order: z.enum(['desc', 'asc']).default('desc'),
  /** Only values in [min, max]. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Only the N highest values (before the range and order apply). */
  top: z.number().int().min(1).max(1_000_000_000).optional(),
  offset: z.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Another run whose value of each node is given beside (to compare runs). */
  compareTo: runId.optional(),
})
export type MetricValuesInput = z.input<typeof metricValuesInput>

export const metricValue = z.object({
  key: nodeKey,
  type: z.string(),
  label: z.string(),
  value: z.number(),
  /** 1 for the highest value; equal values share a rank. */
  rank: z.number(),
  other: z.number().nullable().optional(),
})
export type MetricValue = z.infer<typeof metricValue>
export const metricValues = z.object({ rows: z.array(metricValue), total: z.number(), nodeCount: z.number() })
export type MetricValues = z.infer<typeof metricValues>

export const valuesOfInput = z.strictObject({ runIds: z.array(runId).min(1).max(50), keys: z.array(nodeKey).min(1).max(1000) })
/** runId → node key → [value, rank]; nodes a run did not cover are left out. */
export const valuesOf = z.object({ values: z.record(z.string(), z.record(z.string(), z.tuple([z.number(), z.number()]))) })
export type ValuesOf = z.infer<typeof valuesOf>

export const nodeMetrics = z.object({
  metrics: z.array(z.object({ run: metricRun, value: z.number(), rank: z.number(), of: z.number() })),
})
export type NodeMetrics = z.infer<typeof nodeMetrics>

export const groupSizesInput = z.strictObject({ runId, limit: z.number().int().min(1).max(50_000).default(1000) })
/** Sizes of the groups of a component or community run, largest first. */
export const groupSizes = z.object({ groups: z.array(z.object({ group: z.number(), size: z.number() })), total: z.number() })
export type GroupSizes = z.infer<typeof groupSizes>

export const degreeDistributionInput = z.strictObject({ nodeTypes: typeList.optional(), edgeTypes: typeList.optional() })
const histogram = z.array(z.tuple([z.number(), z.number()]))
/** [degree, number of nodes] for every degree that occurs, ascending. */
export const degreeDistribution = z.object({ in: histogram, out: histogram, nodeCount: z.number() })
export type DegreeDistribution = z.infer<typeof degreeDistribution>

const names: Record<Algorithm, string> = {
  degree: 'Degree',
  pagerank: 'PageRank',
  weakComponents: 'Weak component',
  strongComponents: 'Strong component',
  louvain: 'Community',
  kcore: 'k-core',
  betweenness: 'Betweenness',
  clustering: 'Clustering',
}

/** A short name for a run: "PageRank", "Degree (in)", "Weighted degree (total)", with its scope when narrowed. */
export function metricLabel(algorithm: Algorithm, params: Record<string, unknown>, scope: { nodeTypes?: string[]; edgeTypes?: string[]; direction: string }): string {
  let name = names[algorithm]
  if (algorithm === 'degree') name = `${params.weighted ? 'Weighted degree' : 'Degree'} (${String(params.mode)})`
  const directed = ['pagerank', 'strongComponents', 'betweenness'].includes(algorithm) && scope.direction !== 'out'
  const narrowed = [...(scope.nodeTypes ?? []), ...(scope.edgeTypes ?? [])]
  return [name, directed ? `(${scope.direction})` : '', narrowed.length > 0 ? `· ${narrowed.join(', ')}` : ''].filter(Boolean).join(' ')
}
