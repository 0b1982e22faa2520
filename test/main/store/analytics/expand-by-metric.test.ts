import { describe, expect, it } from 'vitest'
import type { GraphStore } from '../../../../src/main/store/index.ts'
import { runMetricInput, type RunMetricInput } from '../../../../src/shared/analytics.ts'
import type { NewEdge, NewNode } from '../../../../src/shared/domain.ts'
import { expandInput, type ExpandInput, type GraphEdge } from '../../../../src/shared/graph.ts'
import { thrownBy } from '../../../helpers/errors.ts'
import { seededRandom } from '../../../helpers/seeded-random.ts'
import { useTempStore } from '../../../helpers/temp-store.ts'

const temp = useTempStore()
const run = (store: GraphStore, input: RunMetricInput) => store.analytics.run(runMetricInput.parse(input))
const expand = (store: GraphStore, input: ExpandInput) => store.graph.expand(expandInput.parse(input))
const otherEnd = (hub: string) => (edge: { source: string; target: string }) => (edge.source === hub ? edge.target : edge.source)

interface Graph {
  nodes: NewNode[]
  edges: NewEdge[]
}

/** A hub with ~80 neighbours over three edge types (some joined twice), neighbours wired among themselves at random. */
function randomHub(next: () => number): Graph {
  const count = 80
  // Zero-padded: a batch's internal ids ascend with key order and with this list's order alike.
  const key = (i: number) => `n${String(i).padStart(2, '0')}`
  const nodes: NewNode[] = [{ key: 'hub', type: 'hub' }, ...Array.from({ length: count }, (_, i) => ({ key: key(i), type: i % 4 === 0 ? 'b' : 'a' }))]
  const edges: NewEdge[] = []
  const types = ['knows', 'likes', 'cites']
  for (let i = 0; i < count; i++) {
    const type = types[Math.floor(next() * types.length)]!
    edges.push(next() < 0.5 ? { source: 'hub', target: key(i), type } : { source: key(i), target: 'hub', type })
    if (next() < 0.15) edges.push({ source: 'hub', target: key(i), type: types[(i + 1) % 3]! })
  }
  for (let i = 0; i < 4 * count; i++) {
    edges.push({ source: key(Math.floor(next() * count)), target: key(Math.floor(next() * count)), type: types[Math.floor(next() * 3)]! })
  }
  return { nodes, edges }
}

/**
 * The neighbour keys of the hub's edges (those `keep` accepts) ranked plainly: by the run's value,
 * highest first, nodes without a value last, ties by creation order (internal ids ascend with it).
 */
function referenceOrder(graph: Graph, values: Record<string, [number, number]>, keep: (edge: NewEdge) => boolean, created: Map<string, number>): string[] {
  const neighbours = graph.edges.filter((edge) => (edge.source === 'hub' || edge.target === 'hub') && keep(edge)).map(otherEnd('hub'))
  const value = (key: string) => values[key]?.[0] ?? Number.NEGATIVE_INFINITY
  return neighbours.sort((a, b) => (value(a) === value(b) ? created.get(a)! - created.get(b)! : value(b) > value(a) ? 1 : -1))
}

describe('expand by a stored metric', () => {
  it('ranks the neighbours by the run’s values exactly as a plain sort does, for every page, type and direction', async () => {
    const { next } = seededRandom('expand by metric')
    const store = temp.store()
    const graph = randomHub(next)
    store.nodes.createMany({ nodes: graph.nodes })
    store.edges.createMany({ edges: graph.edges })
    const pagerank = await run(store, { algorithm: 'pagerank' })
    // Degree has many ties (the tie-break shows); scoped to type 'a', it leaves the 'b' neighbours without a value.
    const degree = await run(store, { algorithm: 'degree', scope: { nodeTypes: ['hub', 'a'] } })
    // Added after the runs: no value in either, so last.
    const late = [{ key: 'late1', type: 'a' }, { key: 'late2', type: 'a' }]
    store.nodes.createMany({ nodes: late })
    const lateEdges = [{ source: 'hub', target: 'late1', type: 'knows' }, { source: 'late2', target: 'hub', type: 'likes' }]
    store.edges.createMany({ edges: lateEdges })
    const all: Graph = { nodes: [...graph.nodes, ...late], edges: [...graph.edges, ...lateEdges] }
    const created = new Map(all.nodes.map((node, i) => [node.key, i]))
    const keys = all.nodes.map((node) => node.key)

    for (const metric of [pagerank, degree]) {
      const { values } = store.analytics.valuesOf({ runIds: [metric.id], keys })
      for (const [filter, keep] of [
        [{}, () => true],
        [{ edgeTypes: ['likes'] }, (edge: NewEdge) => edge.type === 'likes'],
        [{ direction: 'out' }, (edge: NewEdge) => edge.source === 'hub'],
        [{ direction: 'in', edgeTypes: ['knows', 'cites'] }, (edge: NewEdge) => edge.target === 'hub' && edge.type !== 'likes'],
      ] as [Partial<ExpandInput>, (edge: NewEdge) => boolean][]) {
        const expected = referenceOrder(all, values[metric.id]!, keep, created)
        const what = `${metric.label} ${JSON.stringify(filter)}`
        for (const limit of [1, 5, 10, 1000]) {
          const page = expand(store, { key: 'hub', order: 'metric', runId: metric.id, ...filter, limit })
          expect(page.edges.map(otherEnd('hub')).join(' '), `${what} top ${limit}`).toBe(expected.slice(0, limit).join(' '))
          expect(page.total, what).toBe(expected.length)
        }
        // Paging walks the same order.
        const paged: GraphEdge[] = []
        for (let offset = 0; offset < expected.length; offset += 7) paged.push(...expand(store, { key: 'hub', order: 'metric', runId: metric.id, ...filter, limit: 7, offset }).edges)
        expect(paged.map(otherEnd('hub')), `${what} paged`).toEqual(expected)
      }
    }
  })

  it('refuses a missing run and a metric order without a run, and follows a run id taken again after a delete', async () => {
    const store = temp.store()
    store.nodes.createMany({ nodes: ['hub', 'a', 'b', 'c', 'x'].map((key) => ({ key, type: 't' })) })
    // a has the most outgoing edges, c the most incoming.
    store.edges.createMany({
      edges: [
        { source: 'hub', target: 'a', type: 'e' }, { source: 'hub', target: 'b', type: 'e' }, { source: 'hub', target: 'c', type: 'e' },
        { source: 'a', target: 'x', type: 'e' }, { source: 'a', target: 'b', type: 'e' }, { source: 'x', target: 'c', type: 'e' }, { source: 'b', target: 'c', type: 'e' },
      ],
    })
    expect(() => expandInput.parse({ key: 'hub', order: 'metric' })).toThrow(/runId/)
    expect(() => expandInput.parse({ key: 'hub', order: 'degree', runId: 1 })).toThrow(/runId/)
    thrownBy(() => expand(store, { key: 'hub', order: 'metric', runId: 99 }), 'NOT_FOUND')

    const out = await run(store, { algorithm: 'degree', params: { mode: 'out' } })
    expect(expand(store, { key: 'hub', order: 'metric', runId: out.id, direction: 'out' }).edges.map(otherEnd('hub'))).toEqual(['a', 'b', 'c'])
    // Deleted and its id taken again at once: the values read before must not be used.
    store.analytics.delete({ runId: out.id })
    const incoming = await run(store, { algorithm: 'degree', params: { mode: 'in' } })
    expect(incoming.id).toBe(out.id)
    expect(expand(store, { key: 'hub', order: 'metric', runId: incoming.id, direction: 'out' }).edges.map(otherEnd('hub'))).toEqual(['c', 'b', 'a'])
    store.analytics.delete({ runId: incoming.id })
    thrownBy(() => expand(store, { key: 'hub', order: 'metric', runId: incoming.id }), 'NOT_FOUND')
  })
})
