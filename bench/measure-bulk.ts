import type { GraphStore } from '../src/main/store/index.ts'
import type { SyntheticGraph } from './generate.ts'

export const BATCH = 10_000

export interface BulkResult {
  nodes: number
  edges: number
  nodeSeconds: number
  edgeSeconds: number
  nodesPerSecond: number
  edgesPerSecond: number
  rowsPerSecond: number
}

function timeBatches<T>(items: T[], insert: (batch: T[]) => unknown): number {
  const started = process.hrtime.bigint()
  for (let start = 0; start < items.length; start += BATCH) insert(items.slice(start, start + BATCH))
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** Bulk insert through the store's public API: every index, the FTS table and the audit trail are maintained. */
export function measureBulkInsert(store: GraphStore, graph: SyntheticGraph): BulkResult {
  const nodeSeconds = timeBatches(graph.nodes, (batch) => store.nodes.createMany({ nodes: batch }))
  const edgeSeconds = timeBatches(graph.edges, (batch) => store.edges.createMany({ edges: batch }))
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    nodeSeconds,
    edgeSeconds,
    nodesPerSecond: graph.nodes.length / nodeSeconds,
    edgesPerSecond: graph.edges.length / edgeSeconds,
    rowsPerSecond: (graph.nodes.length + graph.edges.length) / (nodeSeconds + edgeSeconds),
  }
}
