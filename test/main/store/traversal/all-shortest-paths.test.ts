import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import type { KeyPath, ShortestPaths } from '../../../../src/shared/graph.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { GraphModel, type ModelEdge } from './reference.ts'

const EDGE_TYPES = ['knows', 'near', 'part-of']
type Direction = 'out' | 'in' | 'both'
// Few endpoints (edges land on the first 10 nodes) make parallel edges, cycles and many equal paths common.
const edgeShape = fc.record({ from: fc.nat({ max: 9 }), to: fc.nat({ max: 9 }), type: fc.constantFrom(...EDGE_TYPES) })
const probeShape = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  direction: fc.constantFrom<Direction>('out', 'in', 'both'),
  edgeTypes: fc.option(fc.subarray(EDGE_TYPES, { minLength: 1 }), { nil: undefined }),
  maxDepth: fc.integer({ min: 1, max: 6 }),
  limit: fc.integer({ min: 1, max: 10 }),
})
type Probe = typeof probeShape extends fc.Arbitrary<infer P> ? P : never

/**
 * The reference: every walk that moves one breadth-first level further from `from` at each step and
 * ends at `to` after exactly the distance; sorted by (node creation index, edge id) per step.
 */
function referencePaths(model: GraphModel, order: Map<string, number>, p: Probe, from: string, to: string): { hops: number; paths: KeyPath[] } | null {
  const distance = model.distances([from], p.direction, p.edgeTypes)
  const hops = distance.get(to)
  if (hops === undefined || hops > p.maxDepth) return null
  const paths: KeyPath[] = []
  const walk = (key: string, nodes: string[], edges: ModelEdge[]) => {
    if (nodes.length - 1 === hops) {
      if (key === to) paths.push({ nodes: [...nodes], edges: edges.map((e) => e.id) })
      return
    }
    for (const [next, edge] of model.steps(key, p.direction, p.edgeTypes)) {
      if (distance.get(next) !== nodes.length) continue
      walk(next, [...nodes, next], [...edges, edge])
    }
  }
  walk(from, [from], [])
  const rank = (path: KeyPath) => path.edges.flatMap((id, i) => [order.get(path.nodes[i + 1] as string) as number, id])
  paths.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)]
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number)
    return 0
  })
  return { hops, paths }
}

function checkAnswer(model: GraphModel, answer: ShortestPaths, expected: ReturnType<typeof referencePaths>, p: Probe, from: string, to: string): void {
  if (!expected) {
    expect(answer).toEqual({ nodes: [], edges: [], found: false, hops: -1, paths: [], more: false })
    return
  }
  expect(answer.found).toBe(true)
  expect(answer.hops).toBe(expected.hops)
  expect(answer.paths).toEqual(expected.paths.slice(0, p.limit))
  expect(answer.more).toBe(expected.paths.length > p.limit)
  // Each path is real, of minimal length, and listed once; nodes and edges hold each element once.
  expect(new Set(answer.paths.map((path) => JSON.stringify(path))).size).toBe(answer.paths.length)
  for (const path of answer.paths) {
    expect(path.nodes[0]).toBe(from)
    expect(path.nodes.at(-1)).toBe(to)
    expect(path.edges).toHaveLength(expected.hops)
    path.edges.forEach((id, i) => {
      const edge = model.edges.get(id) as ModelEdge
      const [a, b] = [path.nodes[i], path.nodes[i + 1]]
      const forwards = edge.source === a && edge.target === b
      const backwards = edge.source === b && edge.target === a
      expect(p.direction === 'out' ? forwards : p.direction === 'in' ? backwards : forwards || backwards).toBe(true)
      if (p.edgeTypes) expect(p.edgeTypes).toContain(edge.type)
    })
  }
  expect(new Set(answer.nodes.map((n) => n.key))).toEqual(new Set(answer.paths.flatMap((path) => path.nodes)))
  expect(new Set(answer.edges.map((e) => e.id))).toEqual(new Set(answer.paths.flatMap((path) => path.edges)))
}

function withStore(run: (store: GraphStore) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'graphkeep-paths-'))
  const store = openStore({ file: join(dir, 'graph.db') })
  try {
    run(store)
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const graphShape = fc.record({
  nodeCount: fc.integer({ min: 1, max: 14 }),
  edges: fc.array(edgeShape, { maxLength: 45 }),
  later: fc.record({ added: fc.array(edgeShape, { maxLength: 6 }), deleted: fc.array(fc.nat(), { maxLength: 4 }) }),
  probes: fc.array(probeShape, { minLength: 1, maxLength: 4 }),
})

describe('graph.shortestPaths against a reference enumeration', () => {
  it('returns the first k shortest paths in order, each valid and minimal, before and after writes', () => {
    fc.assert(
      fc.property(graphShape, ({ nodeCount, edges, later, probes }) => {
        withStore((store) => {
          const model = new GraphModel()
          const keys = Array.from({ length: nodeCount }, (_, i) => `n${i}`)
          store.nodes.createMany({ nodes: keys.map((key) => ({ key, type: 'thing', label: key })) })
          keys.forEach((key) => model.addNode(key, 'thing'))
          // Nodes are created in this order, so their internal ids (the answer's tie-break) rise with the index.
          const order = new Map(keys.map((key, i) => [key, i]))
          const addEdges = (list: typeof edges) => {
            for (const { from, to, type } of list) {
              const edge = store.edges.create({ source: keys[from % nodeCount] as string, target: keys[to % nodeCount] as string, type })
              model.edges.set(edge.id, { id: edge.id, source: edge.source, target: edge.target, type, weight: 1 })
            }
          }
          const probeAll = () => {
            for (const p of probes) {
              const [from, to] = [keys[p.from % nodeCount] as string, keys[p.to % nodeCount] as string]
              const answer = store.graph.shortestPaths({ from, to, direction: p.direction, edgeTypes: p.edgeTypes, maxDepth: p.maxDepth, limit: p.limit })
              checkAnswer(model, answer, referencePaths(model, order, p, from, to), p, from, to)
              expect(store.graph.shortestPaths({ from, to, direction: p.direction, edgeTypes: p.edgeTypes, maxDepth: p.maxDepth, limit: p.limit })).toEqual(answer)
            }
          }
          addEdges(edges)
          probeAll()
          // Writes after the adjacency is built go to its overlay: the search must see them too.
          addEdges(later.added)
          const ids = [...model.edges.keys()]
          for (const at of later.deleted) {
            const id = ids[at % Math.max(ids.length, 1)]
            if (id === undefined || !model.edges.has(id)) continue
            store.edges.delete({ id })
            model.edges.delete(id)
          }
          probeAll()
        })
      }),
      propertyRun('all shortest paths', 100),
    )
  })

  it('finds all 16 paths of a 4-level diamond lattice and says there are more than 10', () => {
    withStore((store) => {
      // start → 2 → 2 → 2 → 2 → end: 2^4 shortest paths of 5 hops.
      const layers = [['s'], ['a0', 'a1'], ['b0', 'b1'], ['c0', 'c1'], ['d0', 'd1'], ['t']]
      store.nodes.createMany({ nodes: layers.flat().map((key) => ({ key, type: 'thing', label: key })) })
      const edges = layers.slice(1).flatMap((layer, i) => layer.flatMap((to) => (layers[i] as string[]).map((from) => ({ source: from, target: to, type: 'next' }))))
      store.edges.createMany({ edges })
      const all = { maxDepth: 6, limit: 10 }
      const ten = store.graph.shortestPaths({ from: 's', to: 't', direction: 'out', ...all })
      expect(ten).toMatchObject({ found: true, hops: 5, more: true })
      expect(ten.paths).toHaveLength(10)
      expect(ten.paths[0]?.nodes).toEqual(['s', 'a0', 'b0', 'c0', 'd0', 't'])
      expect(ten.paths[1]?.nodes).toEqual(['s', 'a0', 'b0', 'c0', 'd1', 't'])
      expect(store.graph.shortestPaths({ from: 't', to: 's', direction: 'out', ...all }).found).toBe(false)
      expect(store.graph.shortestPaths({ from: 't', to: 's', direction: 'in', ...all, limit: 3 }).paths.map((p) => p.nodes.join(' '))).toEqual(['t d0 c0 b0 a0 s', 't d0 c0 b0 a1 s', 't d0 c0 b1 a0 s'])
      expect(store.graph.shortestPaths({ from: 's', to: 't', direction: 'out', ...all, maxDepth: 4 }).found).toBe(false)
    })
  })
})
