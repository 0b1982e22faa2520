import Graph from 'graphology'
import { graphFromEdges, type AnalysisGraph } from '../../../../src/main/store/analytics/analysis-graph.ts'

// Plain, obviously-correct versions of the metrics and the graphology graphs the references run on.

export interface TestEdge {
  s: number
  t: number
  w: number
}

export function analysisGraphOf(n: number, edges: readonly TestEdge[]): AnalysisGraph {
  const ids = Int32Array.from({ length: n }, (_, i) => i + 1)
  return graphFromEdges(ids, Int32Array.from(edges, (e) => e.s), Int32Array.from(edges, (e) => e.t), Float64Array.from(edges, (e) => e.w))
}

/** A directed multigraph as the metric follows it: 'in' reverses edges, 'both' adds each edge both ways. */
export function graphologyFollowing(n: number, edges: readonly TestEdge[], direction: 'out' | 'in' | 'both'): Graph {
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  for (const { s, t, w } of edges) {
    if (direction !== 'in') graph.addEdge(String(s), String(t), { weight: w })
    if (direction !== 'out') graph.addEdge(String(t), String(s), { weight: w })
  }
  return graph
}

/** The simple graph: parallel edges once, self-loops dropped; undirected unless `directed`. */
export function graphologySimple(n: number, edges: readonly TestEdge[], directed: boolean): Graph {
  const graph = new Graph({ type: directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false })
  for (let i = 0; i < n; i++) graph.addNode(String(i))
  for (const { s, t } of edges) if (s !== t) graph.mergeEdge(String(s), String(t))
  return graph
}

export function simpleNeighbourSets(n: number, edges: readonly TestEdge[]): Set<number>[] {
  const sets = Array.from({ length: n }, () => new Set<number>())
  for (const { s, t } of edges) {
    if (s === t) continue
    sets[s]!.add(t)
    sets[t]!.add(s)
  }
  return sets
}

/** Core numbers by repeated peeling: for k = 0, 1, …, drop nodes of degree < k + 1 until none is left. */
export function coreNumbersByPeeling(n: number, edges: readonly TestEdge[]): number[] {
  const neighbours = simpleNeighbourSets(n, edges)
  const alive = new Set(Array.from({ length: n }, (_, i) => i))
  const core = new Array<number>(n).fill(0)
  for (let k = 0; alive.size > 0; k++) {
    let dropped = true
    while (dropped) {
      dropped = false
      for (const v of [...alive]) {
        const degree = [...neighbours[v]!].filter((u) => alive.has(u)).length
        if (degree < k + 1) {
          core[v] = k
          alive.delete(v)
          dropped = true
        }
      }
    }
  }
  return core
}

export function clusteringByPairs(n: number, edges: readonly TestEdge[]): number[] {
  const neighbours = simpleNeighbourSets(n, edges)
  return neighbours.map((set) => {
    const list = [...set]
    if (list.length < 2) return 0
    let linked = 0
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) if (neighbours[list[a]!]!.has(list[b]!)) linked++
    return (2 * linked) / (list.length * (list.length - 1))
  })
}

/** A partition as "which nodes share a group": each node's smallest fellow member. */
export function canonicalPartition(labels: ArrayLike<number>): number[] {
  const first = new Map<number, number>()
  return Array.from(labels, (label, i) => {
    if (!first.has(label)) first.set(label, i)
    return first.get(label) as number
  })
}

export function partitionOfGroups(n: number, groups: readonly (readonly string[])[]): number[] {
  const labels = new Array<number>(n).fill(-1)
  groups.forEach((group, g) => group.forEach((node) => (labels[Number(node)] = g)))
  return canonicalPartition(labels)
}

/** Adjusted Rand index of two labellings of the same nodes (1: identical partitions). */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length
  const pairs = (x: number) => (x * (x - 1)) / 2
  const table = new Map<string, number>()
  const rows = new Map<number, number>()
  const cols = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`
    table.set(key, (table.get(key) ?? 0) + 1)
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1)
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1)
  }
  let index = 0
  for (const count of table.values()) index += pairs(count)
  let rowSum = 0
  for (const count of rows.values()) rowSum += pairs(count)
  let colSum = 0
  for (const count of cols.values()) colSum += pairs(count)
  const expected = (rowSum * colSum) / pairs(n)
  const max = (rowSum + colSum) / 2
  return max === expected ? 1 : (index - expected) / (max - expected)
}
