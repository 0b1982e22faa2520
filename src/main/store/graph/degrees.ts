import type { Adjacency } from './adjacency.ts'

export interface Distribution {
  min: number
  max: number
  mean: number
  median: number
  p90: number
  p99: number
}

export interface DegreeCounts {
  nodes: number[]
  out: Uint32Array
  in: Uint32Array
  /** Edges with at least one end among the counted nodes. */
  edgeCount: number
}

const count = (adjacency: Adjacency, node: number, step: 'out' | 'in') => {
  let n = 0
  adjacency.forEach(node, step, null, () => n++)
  return n
}

/** In- and out-degree of each of `nodes` (ids), every edge type counted; a self-loop counts once each way. */
export function degreesOf(adjacency: Adjacency, nodes: number[]): DegreeCounts {
  const out = new Uint32Array(nodes.length)
  const inDegree = new Uint32Array(nodes.length)
  const member = new Uint8Array(adjacency.nodeLimit)
  for (const node of nodes) member[node] = 1
  let edgeCount = 0
  nodes.forEach((node, i) => {
    out[i] = count(adjacency, node, 'out')
    inDegree[i] = count(adjacency, node, 'in')
    edgeCount += out[i] as number
    // An incoming edge from a counted node was already counted as that node's outgoing edge.
    adjacency.forEach(node, 'in', null, (source) => {
      if (member[source] !== 1) edgeCount++
    })
  })
  return { nodes, out, in: inDegree, edgeCount }
}

/** Nearest-rank percentile (p in 0..100) of ascending values; the median is the 50th. */
const rank = (sorted: Uint32Array, p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number

export function distributionOf(values: Uint32Array): Distribution {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, median: 0, p90: 0, p99: 0 }
  const sorted = Uint32Array.from(values).sort()
  let total = 0
  for (const value of sorted) total += value
  return {
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
    median: rank(sorted, 50),
    p90: rank(sorted, 90),
    p99: rank(sorted, 99),
  }
}

/** Node counts by degree in buckets [0], [1], [2,3], [4,7], … up to the bucket of the largest degree. */
export function powerOfTwoHistogram(values: Uint32Array): { from: number; to: number; count: number }[] {
  if (values.length === 0) return []
  const bucketOf = (value: number) => (value === 0 ? 0 : 32 - Math.clz32(value))
  let maxBucket = 0
  const counts: number[] = []
  for (const value of values) {
    const bucket = bucketOf(value)
    counts[bucket] = (counts[bucket] ?? 0) + 1
    if (bucket > maxBucket) maxBucket = bucket
  }
  return Array.from({ length: maxBucket + 1 }, (_, bucket) => ({
    from: bucket === 0 ? 0 : 2 ** (bucket - 1),
    to: bucket === 0 ? 0 : 2 ** bucket - 1,
    count: counts[bucket] ?? 0,
  }))
}

/** Indexes of the `top` largest totals, ties by node id: one pass keeping a short sorted list. */
export function topByTotal(counts: DegreeCounts, total: Uint32Array, top: number): number[] {
  const best: number[] = []
  const before = (a: number, b: number) => (total[a] as number) > (total[b] as number) || (total[a] === total[b] && (counts.nodes[a] as number) < (counts.nodes[b] as number))
  for (let i = 0; i < total.length; i++) {
    if (best.length === top && !before(i, best[top - 1] as number)) continue
    let at = best.length === top ? top - 1 : best.length
    while (at > 0 && before(i, best[at - 1] as number)) {
      best[at] = best[at - 1] as number
      at--
    }
    best[at] = i
  }
  return best
}
