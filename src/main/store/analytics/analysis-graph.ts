/** One direction of an analysis graph: node index → slots offsets[i] .. offsets[i + 1]. */
export interface Rows {
  offsets: Uint32Array
  targets: Int32Array
  weights: Float64Array
}

/**
 * The part of the graph a metric run reads, copied out of the adjacency cache into dense indexes
 * 0 .. n - 1 (ids[i] is the node's id, ascending), so that a run that yields is not disturbed by a
 * write patching the cache, and every algorithm loops over plain typed arrays. A multigraph:
 * parallel edges and self-loops are kept.
 */
export interface AnalysisGraph {
  n: number
  ids: Int32Array
  out: Rows
  in: Rows
  edgeCount: number
}

/** Rows grouped by `from` (a stable counting sort, so each node's slots keep edge order). */
export function rowsOf(n: number, from: Int32Array, to: Int32Array, weight: Float64Array): Rows {
  const offsets = new Uint32Array(n + 1)
  for (let e = 0; e < from.length; e++) offsets[from[e]! + 1]!++
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number)
  const next = offsets.slice(0, n)
  const targets = new Int32Array(from.length)
  const weights = new Float64Array(from.length)
  for (let e = 0; e < from.length; e++) {
    const at = next[from[e]!]!++
    targets[at] = to[e] as number
    weights[at] = weight[e] as number
  }
  return { offsets, targets, weights }
}

/** An analysis graph from edges between dense indexes (source[e] → target[e]). */
export function graphFromEdges(ids: Int32Array, source: Int32Array, target: Int32Array, weight: Float64Array): AnalysisGraph {
  const n = ids.length
  return { n, ids, out: rowsOf(n, source, target, weight), in: rowsOf(n, target, source, weight), edgeCount: source.length }
}

export type Orientation = 'out' | 'in' | 'both'

/** The rows an algorithm follows: along edges, against them, or both ways (each edge in both ends' rows). */
export function followed(graph: AnalysisGraph, direction: Orientation): { forward: Rows; backward: Rows } {
  if (direction === 'out') return { forward: graph.out, backward: graph.in }
  if (direction === 'in') return { forward: graph.in, backward: graph.out }
  const both = undirectedRows(graph)
  return { forward: both, backward: both }
}

const undirectedCache = new WeakMap<AnalysisGraph, Rows>()

/** Every edge in the rows of both its ends (a self-loop twice in its node's row: it adds 2 to the degree). */
export function undirectedRows(graph: AnalysisGraph): Rows {
  const cached = undirectedCache.get(graph)
  if (cached) return cached
  const { n, out, in: inward } = graph
  const offsets = new Uint32Array(n + 1)
  for (let i = 0; i < n; i++) {
    const size = (out.offsets[i + 1] as number) - (out.offsets[i] as number) + (inward.offsets[i + 1] as number) - (inward.offsets[i] as number)
    offsets[i + 1] = (offsets[i] as number) + size
  }
  const targets = new Int32Array(offsets[n] as number)
  const weights = new Float64Array(offsets[n] as number)
  for (let i = 0; i < n; i++) {
    let at = offsets[i] as number
    for (const rows of [out, inward]) {
      const end = rows.offsets[i + 1] as number
      for (let s = rows.offsets[i] as number; s < end; s++, at++) {
        targets[at] = rows.targets[s] as number
        weights[at] = rows.weights[s] as number
      }
    }
  }
  const rows = { offsets, targets, weights }
  undirectedCache.set(graph, rows)
  return rows
}

/**
 * The simple undirected graph: each node's distinct neighbours, self-loops dropped, ascending. k-core,
 * clustering and betweenness are defined on it.
 */
export function simpleNeighbours(graph: AnalysisGraph, direction: Orientation = 'both'): { offsets: Uint32Array; targets: Int32Array } {
  const rows = direction === 'both' ? undirectedRows(graph) : followed(graph, direction).forward
  const { n } = graph
  const offsets = new Uint32Array(n + 1)
  const targets = new Int32Array(rows.targets.length)
  let at = 0
  for (let i = 0; i < n; i++) {
    offsets[i] = at
    const start = rows.offsets[i] as number
    const slice = rows.targets.slice(start, rows.offsets[i + 1] as number).sort()
    let last = -1
    for (let s = 0; s < slice.length; s++) {
      const j = slice[s] as number
      if (j === i || j === last) continue
      targets[at++] = j
      last = j
    }
  }
  offsets[n] = at
  return { offsets, targets: targets.slice(0, at) }
}
