import { describe, expect, it } from 'vitest'
import type { NewEdge, NewNode } from '../../../../src/shared/domain.ts'
import type { ExpandInput, Expansion, GraphEdge } from '../../../../src/shared/graph.ts'
import type { GraphStore } from '../../../../src/main/store/index.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const { store } = useTempStore()

interface Reference {
  nodes: NewNode[]
  edges: NewEdge[]
}

/** Degree of every node (all edges, both directions, every type), computed plainly from the edge list. */
function referenceDegrees(edges: NewEdge[]): Map<string, number> {
  const degree = new Map<string, number>()
  for (const { source, target } of edges) {
    degree.set(source, (degree.get(source) ?? 0) + 1)
    degree.set(target, (degree.get(target) ?? 0) + 1)
  }
  return degree
}

function load(s: GraphStore, graph: Reference): void {
  for (let i = 0; i < graph.nodes.length; i += 10_000) s.nodes.createMany({ nodes: graph.nodes.slice(i, i + 10_000) })
  for (let i = 0; i < graph.edges.length; i += 10_000) s.edges.createMany({ edges: graph.edges.slice(i, i + 10_000) })
}

/** Every page of an expansion with `limit`, each checked for its `total` and `omitted`. */
function allPages(s: GraphStore, input: ExpandInput & { limit: number }): GraphEdge[] {
  const edges: GraphEdge[] = []
  let first: Expansion | undefined
  for (let offset = 0; ; offset += input.limit) {
    const page = s.graph.expand({ direction: 'both', ...input, offset })
    first ??= page
    expect(page.total).toBe(first.total)
    expect(page.nodes[0]?.key).toBe(input.key)
    edges.push(...page.edges)
    expect(page.omitted).toBe(Math.max(0, page.total - edges.length))
    if (page.omitted === 0) break
  }
  return edges
}

const otherEnd = (hub: string) => (edge: GraphEdge) => (edge.source === hub ? edge.target : edge.source)

describe('expand by degree, with a text filter and paging', () => {
  it('gives the N neighbours of highest degree first, as a plain reference ranks them', () => {
    // Neighbour i of the hub has i extra edges to filler nodes, so every degree differs; keys shuffled against degree.
    const random = seededRandom('expand top-N').next
    const count = 60
    const order = Array.from({ length: count }, (_, i) => i).sort(() => random() - 0.5)
    const graph: Reference = {
      nodes: [{ key: 'hub', type: 'hub' }, ...order.map((i) => ({ key: `n${i}`, type: 'leaf', label: `Leaf ${i}` })), ...Array.from({ length: count }, (_, i) => ({ key: `f${i}`, type: 'filler' }))],
      edges: [],
    }
    for (const i of order) {
      graph.edges.push(i % 3 === 0 ? { source: 'hub', target: `n${i}`, type: 'links' } : { source: `n${i}`, target: 'hub', type: 'links' })
      for (let k = 0; k < i; k++) graph.edges.push({ source: `n${i}`, target: `f${k}`, type: 'filler' })
    }
    load(store(), graph)
    const degree = referenceDegrees(graph.edges)
    const neighbours = graph.edges.filter((e) => e.source === 'hub' || e.target === 'hub').map((e) => (e.source === 'hub' ? e.target : e.source))
    const byDegree = [...neighbours].sort((a, b) => (degree.get(b) as number) - (degree.get(a) as number))
    for (const n of [1, 5, 10, 25]) {
      const page = store().graph.expand({ key: 'hub', direction: 'both', edgeTypes: ['links'], order: 'degree', limit: n, offset: 0 })
      expect(page.edges.map(otherEnd('hub')), `top ${n}`).toEqual(byDegree.slice(0, n))
      expect(page).toMatchObject({ total: count, omitted: count - n })
    }
    // Per type and direction: only the hub's incoming "links", still by degree.
    const incoming = byDegree.filter((key) => graph.edges.some((e) => e.source === key && e.target === 'hub'))
    expect(store().graph.expand({ key: 'hub', direction: 'in', edgeTypes: ['links'], order: 'degree', limit: 5, offset: 0 }).edges.map(otherEnd('hub'))).toEqual(incoming.slice(0, 5))
  })

  it('pages every edge once, each neighbour in one run, degrees never rising; text keeps exactly the matching neighbours', () => {
    const random = seededRandom('expand paging').next
    const nodes: NewNode[] = Array.from({ length: 400 }, (_, i) => ({ key: `k${i}`, type: 't', label: i % 5 === 0 ? `Alpha ${i}` : `Beta ${i}` }))
    const types = ['a', 'b', 'c']
    const edges: NewEdge[] = []
    for (let i = 0; i < 1500; i++) {
      // Every third edge touches the hub k0, some of them twice to the same neighbour (multi-edges).
      const source = i % 3 === 0 ? 'k0' : `k${Math.floor(random() * 400)}`
      const target = `k${1 + Math.floor(random() * 399)}`
      edges.push(random() < 0.5 ? { source, target, type: types[i % 3] as string } : { source: target, target: source, type: types[(i + 1) % 3] as string })
    }
    load(store(), { nodes, edges })
    const degree = referenceDegrees(edges)
    const label = new Map(nodes.map((n) => [n.key, n.label as string]))
    const atHub = edges.filter((e) => e.source === 'k0' || e.target === 'k0')

    for (const [input, keep] of [
      [{ key: 'k0', order: 'degree' }, () => true],
      [{ key: 'k0', order: 'degree', edgeTypes: ['b'] }, (e: NewEdge) => e.type === 'b'],
      [{ key: 'k0', order: 'degree', direction: 'out' }, (e: NewEdge) => e.source === 'k0'],
      [{ key: 'k0', order: 'degree', text: 'ALPHA' }, (e: NewEdge) => /alpha/i.test(`${label.get(otherEnd('k0')(e as GraphEdge))} ${otherEnd('k0')(e as GraphEdge)}`)],
      [{ key: 'k0', order: 'id', text: 'k1' }, (e: NewEdge) => otherEnd('k0')(e as GraphEdge).includes('k1')],
    ] as [ExpandInput, (e: NewEdge) => boolean][]) {
      const expected = atHub.filter(keep)
      for (const limit of [1, 7, 25, 1000]) {
        const paged = allPages(store(), { ...input, limit })
        const what = `${JSON.stringify(input)} limit ${limit}`
        expect(new Set(paged.map((e) => e.id)).size, what).toBe(paged.length)
        expect(paged.map((e) => `${e.source}>${e.target}:${e.type}`).sort(), what).toEqual(expected.map((e) => `${e.source}>${e.target}:${e.type}`).sort())
        if (input.order !== 'degree') continue
        const runs = paged.map(otherEnd('k0')).filter((key, i, keys) => i === 0 || keys[i - 1] !== key)
        expect(new Set(runs).size, `${what}: each neighbour in one run`).toBe(runs.length)
        const degrees = runs.map((key) => degree.get(key) as number)
        expect(degrees, `${what}: degrees never rise`).toEqual([...degrees].sort((a, b) => b - a))
      }
    }
  })
})
