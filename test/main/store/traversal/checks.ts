import { expect } from 'vitest'
import type { GraphStore } from '../../../../src/main/store/index.ts'
import type { GraphEdge } from '../../../../src/shared/graph.ts'
import { nearestRank, type GraphModel } from './reference.ts'

export type Direction = 'out' | 'in' | 'both'
export interface Probe {
  seeds: number[]
  depth: number
  direction: Direction
  edgeTypes?: string[]
  budget: number
  from: number
  to: number
  maxDepth: number
  subset: number[]
  nodeTypes: string[]
  limit: number
}

const at = <T>(items: T[], index: number): T => items[index % items.length] as T
const sortedIds = (edges: GraphEdge[]) => edges.map((e) => e.id).sort((a, b) => a - b)

/** The returned edge is the model's edge with that id, as it is now. */
function expectModelEdge(model: GraphModel, edge: GraphEdge): void {
  const known = model.edges.get(edge.id)
  expect(known, `edge ${edge.id} exists`).toBeDefined()
  expect(edge).toEqual({ id: edge.id, source: known?.source, target: known?.target, type: known?.type, weight: known?.weight })
}

export function checkNeighbourhood(store: GraphStore, model: GraphModel, keys: string[], p: Probe): void {
  const seeds = p.seeds.map((i) => at(keys, i))
  const result = store.graph.neighbourhood({ keys: seeds, depth: p.depth, direction: p.direction, edgeTypes: p.edgeTypes, nodeBudget: p.budget })
  const distance = model.distances(seeds, p.direction, p.edgeTypes)
  const reachable = [...distance].filter(([, d]) => d <= p.depth).map(([key]) => key)
  const returned = result.nodes.map((n) => n.key)
  expect(new Set(returned).size).toBe(returned.length)
  for (const node of result.nodes) expect(node.type).toBe(model.nodes.get(node.key))
  expect(returned.length).toBe(Math.min(p.budget, reachable.length))
  expect(result.truncated).toBe(reachable.length > p.budget)
  const deepest = Math.max(...returned.map((key) => distance.get(key) ?? Infinity))
  expect(deepest).toBeLessThanOrEqual(p.depth)
  expect(result.depthReached).toBe(deepest)
  // Breadth-first: every node nearer than the deepest returned one is returned.
  const set = new Set(returned)
  for (const key of reachable) if ((distance.get(key) as number) < deepest) expect(set.has(key), `${key} at ${distance.get(key)}`).toBe(true)
  expect(sortedIds(result.edges)).toEqual(model.edgesAmong(set, p.edgeTypes))
  for (const edge of result.edges) expectModelEdge(model, edge)
}

function expectRealPath(model: GraphModel, path: { nodes: { key: string }[]; edges: GraphEdge[]; hops: number; cost: number }, from: string, to: string, p: Probe): void {
  expect(path.nodes.map((n) => n.key)[0]).toBe(from)
  expect(path.nodes.at(-1)?.key).toBe(to)
  expect(path.edges).toHaveLength(path.hops)
  expect(path.nodes).toHaveLength(path.hops + 1)
  let cost = 0
  path.edges.forEach((edge, i) => {
    expectModelEdge(model, edge)
    if (p.edgeTypes) expect(p.edgeTypes).toContain(edge.type)
    const [a, b] = [path.nodes[i]?.key, path.nodes[i + 1]?.key]
    const forward = edge.source === a && edge.target === b
    const backward = edge.source === b && edge.target === a
    expect(p.direction === 'out' ? forward : p.direction === 'in' ? backward : forward || backward, `edge ${edge.id} steps ${a}→${b}`).toBe(true)
    cost += edge.weight
  })
  expect(path.cost).toBe(cost)
}

export function checkShortestPaths(store: GraphStore, model: GraphModel, keys: string[], p: Probe): void {
  const [from, to] = [at(keys, p.from), at(keys, p.to)]
  const query = { from, to, direction: p.direction, edgeTypes: p.edgeTypes, maxDepth: p.maxDepth }
  const hops = model.distances([from], p.direction, p.edgeTypes).get(to) ?? Infinity
  const path = store.graph.shortestPath({ ...query, weighted: false })
  if (hops > p.maxDepth) expect(path).toEqual({ nodes: [], edges: [], found: false, hops: -1, cost: 0 })
  else {
    expect(path.found).toBe(true)
    expect(path.hops).toBe(hops)
    expectRealPath(model, path, from, to, p)
  }
  const cheapest = model.cheapest(from, to, p.direction, p.edgeTypes, p.maxDepth)
  const weighted = store.graph.shortestPath({ ...query, weighted: true })
  expect(weighted.found).toBe(cheapest !== Infinity)
  if (weighted.found) {
    expect(weighted.cost).toBe(cheapest)
    expect(weighted.hops).toBeLessThanOrEqual(p.maxDepth)
    expectRealPath(model, weighted, from, to, p)
  }
}

export function checkInducedAndDegrees(store: GraphStore, model: GraphModel, keys: string[], p: Probe): void {
  const chosen = [...p.subset.map((i) => at(keys, i)), 'ghost']
  const induced = store.graph.induced({ keys: chosen, edgeTypes: p.edgeTypes })
  expect(induced.missing).toEqual(['ghost'])
  expect(induced.nodes.map((n) => n.key)).toEqual([...new Set(chosen.slice(0, -1))])
  expect(sortedIds(induced.edges)).toEqual(model.edgesAmong(new Set(chosen), p.edgeTypes))

  const counted = [...model.nodes].filter(([, type]) => p.nodeTypes.length === 0 || p.nodeTypes.includes(type)).map(([key]) => key)
  const edges = [...model.edges.values()]
  const outOf = (key: string) => edges.filter((e) => e.source === key).length
  const inOf = (key: string) => edges.filter((e) => e.target === key).length
  const stats = store.graph.degrees({ types: p.nodeTypes, top: 3 })
  expect(stats.nodeCount).toBe(counted.length)
  const set = new Set(counted)
  expect(stats.edgeCount).toBe(edges.filter((e) => set.has(e.source) || set.has(e.target)).length)
  const describe = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    if (sorted.length === 0) return { min: 0, max: 0, mean: 0, median: 0, p90: 0, p99: 0 }
    return { min: sorted[0], max: sorted.at(-1), mean: sorted.reduce((s, v) => s + v, 0) / sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), p99: nearestRank(sorted, 99) }
  }
  const totals = counted.map((key) => outOf(key) + inOf(key))
  expect(stats.out).toEqual(describe(counted.map(outOf)))
  expect(stats.in).toEqual(describe(counted.map(inOf)))
  expect(stats.total).toEqual(describe(totals))
  for (const bucket of stats.histogram) expect(bucket.count).toBe(totals.filter((t) => t >= bucket.from && t <= bucket.to).length)
  expect(stats.histogram.reduce((s, b) => s + b.count, 0)).toBe(counted.length)
  expect(stats.top.map((n) => n.in + n.out)).toEqual([...totals].sort((a, b) => b - a).slice(0, 3))
  for (const node of stats.top) expect([node.out, node.in]).toEqual([outOf(node.key), inOf(node.key)])
}

export function checkExpandAndNeighbours(store: GraphStore, model: GraphModel, keys: string[], p: Probe): void {
  const key = at(keys, p.from)
  const expected = model.steps(key, p.direction, p.edgeTypes)
  const pages: GraphEdge[] = []
  for (let offset = 0; offset <= expected.length; offset += p.limit) {
    const page = store.graph.expand({ key, direction: p.direction, edgeTypes: p.edgeTypes, limit: p.limit, offset })
    expect(page.total).toBe(expected.length)
    expect(page.omitted).toBe(Math.max(0, expected.length - offset - p.limit))
    expect(page.nodes[0]?.key).toBe(key)
    const ends = new Set([key, ...page.edges.flatMap((e) => [e.source, e.target])])
    expect(new Set(page.nodes.map((n) => n.key))).toEqual(ends)
    pages.push(...page.edges)
  }
  // Every edge once (a self-loop once per direction), outgoing first, each direction by type.
  expect(pages.map((e) => e.id).sort((a, b) => a - b)).toEqual(expected.map(([, e]) => e.id).sort((a, b) => a - b))
  for (const edge of pages) expectModelEdge(model, edge)
  const neighbours = store.nodes.neighbours({ key, direction: p.direction, edgeTypes: p.edgeTypes, limit: p.limit })
  expect(neighbours.items.map((n) => n.edge.id)).toEqual(pages.slice(0, p.limit).map((e) => e.id))
  expect(neighbours.omitted).toBe(Math.max(0, expected.length - p.limit))
  const types = store.graph.neighbourTypes({ key }).types
  for (const { type, direction, count } of types) expect(count).toBe(model.steps(key, direction, [type]).length)
  expect(types.reduce((s, t) => s + t.count, 0)).toBe(model.steps(key, 'both').length)
}
