import type { GraphStore } from '../src/main/store/index.ts'
import { dropAdjacency, adjacencyOf, lastServedAdjacency } from '../src/main/store/graph/cache.ts'
import { kHop } from '../src/main/store/graph/neighbourhood.ts'
import { bidirectionalBfs } from '../src/main/store/graph/shortest-path.ts'
import { cteShortestPathHops } from '../src/main/store/repos/adjacency.ts'
import type { SyntheticGraph } from './generate.ts'
import { mulberry32, randomInt } from './prng.ts'
import { summarise, type LatencySummary } from './stats.ts'

export const traversalTargets = { oneHopP50Micros: 10, threeHopP50Millis: 5, shortestPathP50Millis: 2 }

export interface TraversalMeasure extends LatencySummary {
  /** Mean size of each answer: neighbours, nodes, or path hops of the paths found. */
  meanSize: number
  /** Share of calls that found something (paths) or hit the budget (3-hop). */
  hitRate: number
}

export interface TraversalResult {
  build: { millis: number; bytes: number; heapDeltaBytes: number }
  /** A 1e8-iteration loop before and after (about 40 ms on an idle modern core). */
  cpuLoopMillis: [number, number]
  oneHopIds: TraversalMeasure
  oneHopRows: TraversalMeasure
  threeHopIds: TraversalMeasure
  threeHopCall: TraversalMeasure
  pathIds: TraversalMeasure
  pathCall: TraversalMeasure
  pathCallBoth: TraversalMeasure
  weightedCall: TraversalMeasure
  /** The same kind of search as a recursive CTE (outgoing, depth ≤ 6), on a few samples only. */
  ctePath: TraversalMeasure
  meetsTargets: { oneHopIds: boolean; oneHopRows: boolean; threeHop: boolean; shortestPath: boolean }
}

const WARM_UP = 200

/** Times each call on its own, in microseconds, after a short warm-up. `call` returns [size, hit]. */
function timeEach<T>(samples: T[], call: (sample: T) => [number, boolean]): TraversalMeasure {
  for (let i = 0; i < Math.min(WARM_UP, samples.length); i++) call(samples[i] as T)
  const micros = new Float64Array(samples.length)
  let size = 0
  let hits = 0
  for (let i = 0; i < samples.length; i++) {
    const started = process.hrtime.bigint()
    const [n, hit] = call(samples[i] as T)
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
    if (hit) hits++
    size += n
  }
  return { ...summarise(micros), meanSize: size / Math.max(1, samples.length), hitRate: hits / Math.max(1, samples.length) }
}

function timeEachOnce<T>(samples: T[], call: (sample: T) => [number, boolean]): TraversalMeasure {
  const micros = new Float64Array(samples.length)
  let hits = 0
  samples.forEach((sample, i) => {
    const started = process.hrtime.bigint()
    if (call(sample)[1]) hits++
    micros[i] = Number(process.hrtime.bigint() - started) / 1_000
  })
  return { ...summarise(micros), meanSize: 0, hitRate: hits / Math.max(1, samples.length) }
}

/** Milliseconds for a fixed integer loop: on a shared machine, shows how much CPU this run had. */
function cpuLoopMillis(): number {
  const started = performance.now()
  let x = 0
  for (let i = 0; i < 1e8; i++) x += i & 3
  return x > 0 ? performance.now() - started : NaN
}

/** Traversal speed on a store holding `graph`: the adjacency cache alone, and the store's calls with their rows. */
export function measureTraversal(store: GraphStore, graph: SyntheticGraph, seed: number, sampleCount = 20_000): TraversalResult {
  const loopBefore = cpuLoopMillis()
  const random = mulberry32(seed ^ 0x7f4a7c15)
  const keyAt = () => graph.nodes[randomInt(random, graph.nodes.length)]!.key
  store.nodes.neighbours({ key: graph.nodes[0]!.key, direction: 'out', limit: 1 })
  const served = lastServedAdjacency()
  if (!served) throw new Error('the store served no adjacency')
  const { db } = served

  dropAdjacency(db)
  globalThis.gc?.()
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
  const buildStarted = performance.now()
  const adjacency = adjacencyOf(db)
  const millis = performance.now() - buildStarted
  const heapDeltaBytes = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore
  const ids = (count: number) => Array.from({ length: count }, () => 1 + randomInt(random, adjacency.nodeLimit - 1))

  const oneHopIds = timeEach(ids(sampleCount), (node) => {
    const found: number[] = []
    adjacencyOf(db).forEach(node, 'out', null, (neighbour) => found.push(neighbour))
    return [found.length, true]
  })
  const oneHopRows = timeEach(Array.from({ length: sampleCount }, keyAt), (key) => [store.nodes.neighbours({ key, direction: 'out', limit: 200 }).items.length, true])
  const hopSamples = Math.max(50, Math.floor(sampleCount / 40))
  const threeHopIds = timeEach(ids(hopSamples), (node) => {
    const found = kHop(adjacencyOf(db), [node], 3, 'both', null, 10_000)
    return [found.nodes.length, found.truncated]
  })
  const threeHopCall = timeEach(Array.from({ length: hopSamples }, keyAt), (key) => {
    const found = store.graph.neighbourhood({ keys: [key], depth: 3, direction: 'both', nodeBudget: 10_000, mode: 'subgraph' })
    return [found.nodes.length, found.truncated]
  })
  const pairs = (count: number) => Array.from({ length: count }, () => [keyAt(), keyAt()] as const)
  const connected: (readonly [number, number])[] = []
  const pathIds = timeEach(
    Array.from({ length: hopSamples * 4 }, () => [1 + randomInt(random, adjacency.nodeLimit - 1), 1 + randomInt(random, adjacency.nodeLimit - 1)] as const),
    (pair) => {
      const path = bidirectionalBfs(adjacencyOf(db), pair[0], pair[1], 'out', null, 6)
      if (path.edges.length > 0) connected.push(pair)
      return [path.edges.length, path.nodes.length > 0]
    },
  )
  const path = (direction: 'out' | 'both', weighted: boolean) => ([from, to]: readonly [string, string]): [number, boolean] => {
    const found = store.graph.shortestPath({ from, to, direction, weighted, maxDepth: 6 })
    return [found.found ? found.hops : 0, found.found]
  }
  const pathCall = timeEach(pairs(hopSamples * 4), path('out', false))
  const pathCallBoth = timeEach(pairs(hopSamples * 4), path('both', false))
  // Few samples: a weighted search settles every node cheaper than the goal, far more than a BFS.
  const weightedCall = timeEachOnce(pairs(10), path('both', true))
  // Three pairs that have a path (random pairs mostly have none, which the CTE finds fast); no warm-up.
  const cteSamples = connected.slice(0, 3)
  const ctePath = timeEachOnce(cteSamples, ([from, to]) => {
    const hops = cteShortestPathHops(db, from, to, 6)
    return [hops ?? 0, hops !== null]
  })
  const t = traversalTargets
  return {
    build: { millis, bytes: adjacency.bytes, heapDeltaBytes },
    cpuLoopMillis: [loopBefore, cpuLoopMillis()],
    oneHopIds, oneHopRows, threeHopIds, threeHopCall, pathIds, pathCall, pathCallBoth, weightedCall, ctePath,
    meetsTargets: {
      oneHopIds: oneHopIds.p50 <= t.oneHopP50Micros,
      oneHopRows: oneHopRows.p50 <= t.oneHopP50Micros,
      threeHop: threeHopCall.p50 <= t.threeHopP50Millis * 1000,
      // Judged on 'both': random pairs rarely connect along outgoing edges, which makes 'out' look cheap.
      shortestPath: pathCallBoth.p50 <= t.shortestPathP50Millis * 1000,
    },
  }
}

const time = (micros: number) => (micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`)
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'ok' : 'MISSED')

/** The traversal rows of the benchmark report. */
export function formatTraversal(result: TraversalResult): string[] {
  const t = traversalTargets
  const m = result.meetsTargets
  const rows: string[][] = [
    ['traversal measure', 'p50', 'p99', 'target', '', 'mean size / hit rate'],
    ['adjacency cache build', time(result.build.millis * 1000), '', '', '', `${(result.build.bytes / 1024 ** 2).toFixed(1)} MiB arrays`],
    ['1-hop out, ids via cache', time(result.oneHopIds.p50), time(result.oneHopIds.p99), `<= ${t.oneHopP50Micros} µs`, verdict(m.oneHopIds), `${result.oneHopIds.meanSize.toFixed(1)} ids`],
    ['1-hop out, neighbours with rows', time(result.oneHopRows.p50), time(result.oneHopRows.p99), `<= ${t.oneHopP50Micros} µs`, verdict(m.oneHopRows), `${result.oneHopRows.meanSize.toFixed(1)} rows`],
    ['3-hop both, budget 10k, ids via cache', time(result.threeHopIds.p50), time(result.threeHopIds.p99), '', '', `${result.threeHopIds.meanSize.toFixed(0)} nodes, ${(result.threeHopIds.hitRate * 100).toFixed(0)}% hit budget`],
    ['3-hop both, budget 10k, graph.neighbourhood', time(result.threeHopCall.p50), time(result.threeHopCall.p99), `<= ${t.threeHopP50Millis} ms`, verdict(m.threeHop), `${result.threeHopCall.meanSize.toFixed(0)} nodes, ${(result.threeHopCall.hitRate * 100).toFixed(0)}% hit budget`],
    ['shortest path out ≤ 6, ids via cache', time(result.pathIds.p50), time(result.pathIds.p99), '', '', `${(result.pathIds.hitRate * 100).toFixed(0)}% found`],
    ['shortest path out ≤ 6, graph.shortestPath', time(result.pathCall.p50), time(result.pathCall.p99), '', '', `${(result.pathCall.hitRate * 100).toFixed(0)}% found`],
    ['shortest path both ≤ 6, graph.shortestPath', time(result.pathCallBoth.p50), time(result.pathCallBoth.p99), `<= ${t.shortestPathP50Millis} ms`, verdict(m.shortestPath), `${(result.pathCallBoth.hitRate * 100).toFixed(0)}% found`],
    ['weighted path both ≤ 6 (Dijkstra)', time(result.weightedCall.p50), time(result.weightedCall.p99), '', '', `${(result.weightedCall.hitRate * 100).toFixed(0)}% found`],
    [`recursive CTE path out ≤ 6 (${result.ctePath.samples} samples)`, time(result.ctePath.p50), time(result.ctePath.max), '', '', `${(result.ctePath.hitRate * 100).toFixed(0)}% found`],
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '))
  const [before, after] = result.cpuLoopMillis
  return [...table, `CPU check: a 1e8-step loop took ${before.toFixed(0)} and ${after.toFixed(0)} ms (about 40 ms on an idle core)`]
}
