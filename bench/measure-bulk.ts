import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
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
  /** How the rows went in: batches through the store's API, or one JSON Lines import (`--load import`). */
  via: 'createMany' | 'import'
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
    via: 'createMany',
  }
}

/**
 * The same graph loaded by one JSON Lines import into the empty store (a child process through the real
 * worker), as a user would load a million nodes: minutes where batches through the API take much longer.
 */
export function loadByImport(storeFile: string, folder: string, graph: SyntheticGraph, seed: number, gamma: number): BulkResult {
  const here = dirname(fileURLToPath(import.meta.url))
  const file = join(folder, 'load.jsonl')
  const node = (script: string, args: string[]) => execFileSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 })
  node('write-import-file.ts', ['--file', file, '--nodes', String(graph.nodes.length), '--seed', String(seed), '--gamma', String(gamma)])
  const { results } = JSON.parse(node('import-child.ts', ['--store', storeFile, '--file', file])) as { results: { seconds: number; nodes: number; edges: number }[] }
  rmSync(file)
  const run = results[0]!
  if (run.nodes !== graph.nodes.length || run.edges !== graph.edges.length) throw new Error(`the load by import wrote ${run.nodes} nodes and ${run.edges} edges of ${graph.nodes.length} and ${graph.edges.length}`)
  const rows = run.nodes + run.edges
  return { nodes: run.nodes, edges: run.edges, nodeSeconds: NaN, edgeSeconds: NaN, nodesPerSecond: NaN, edgesPerSecond: NaN, rowsPerSecond: rows / run.seconds, via: 'import' }
}
