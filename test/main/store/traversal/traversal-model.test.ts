import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { openStore, type GraphStore } from '../../../../src/main/store/index.ts'
import { propertyRun } from '../../../helpers/fast-check-seed.ts'
import { checkExpandAndNeighbours, checkInducedAndDegrees, checkNeighbourhood, checkShortestPaths, type Probe } from './checks.ts'
import { GraphModel } from './reference.ts'

const EDGE_TYPES = ['knows', 'near', 'part-of']
const NODE_TYPES = ['person', 'place']
const edgeShape = fc.record({ from: fc.nat(), to: fc.nat(), type: fc.constantFrom(...EDGE_TYPES), weight: fc.integer({ min: 0, max: 9 }) })
const graphShape = fc.record({
  nodes: fc.array(fc.constantFrom(...NODE_TYPES), { minLength: 1, maxLength: 24 }),
  // Few distinct endpoints make self-loops and parallel edges common; nodes beyond them stay isolated.
  edges: fc.array(edgeShape, { maxLength: 50 }),
})
const writeShape = fc.oneof(
  fc.record({ kind: fc.constant('addNode' as const), type: fc.constantFrom(...NODE_TYPES) }),
  fc.record({ kind: fc.constant('deleteNode' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('addEdges' as const), edges: fc.array(edgeShape, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('deleteEdge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('updateEdge' as const), at: fc.nat(), type: fc.constantFrom(...EDGE_TYPES, 'new-type'), weight: fc.integer({ min: 0, max: 9 }) }),
)
const probeShape: fc.Arbitrary<Probe> = fc.record({
  seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  depth: fc.integer({ min: 1, max: 6 }),
  direction: fc.constantFrom('out' as const, 'in' as const, 'both' as const),
  edgeTypes: fc.option(fc.subarray([...EDGE_TYPES, 'new-type', 'never-used'], { minLength: 1 }), { nil: undefined }),
  budget: fc.integer({ min: 1, max: 30 }),
  from: fc.nat(),
  to: fc.nat(),
  maxDepth: fc.integer({ min: 1, max: 6 }),
  subset: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
  nodeTypes: fc.subarray(NODE_TYPES),
  limit: fc.integer({ min: 1, max: 5 }),
})

const at = <T>(items: T[], index: number): T => items[index % items.length] as T

function withStore(run: (store: GraphStore) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'graphkeep-traversal-'))
  const store = openStore({ file: join(dir, 'graph.db') })
  try {
    run(store)
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function addEdges(store: GraphStore, model: GraphModel, keys: string[], edges: { from: number; to: number; type: string; weight: number }[]): void {
  for (const { from, to, type, weight } of edges) {
    const edge = store.edges.create({ source: at(keys, from % 8), target: at(keys, to % 8), type, weight })
    model.edges.set(edge.id, { id: edge.id, source: edge.source, target: edge.target, type, weight })
  }
}

function checkEverything(store: GraphStore, model: GraphModel, probe: Probe): void {
  const keys = [...model.nodes.keys()]
  if (keys.length === 0) return
  checkNeighbourhood(store, model, keys, probe)
  checkShortestPaths(store, model, keys, probe)
  checkInducedAndDegrees(store, model, keys, probe)
  checkExpandAndNeighbours(store, model, keys, probe)
}

describe('traversal against a plain breadth-first model', () => {
  it('answers every graph call like the model, before and after random interleaved writes', () => {
    const steps = fc.array(fc.record({ write: writeShape, probe: probeShape }), { maxLength: 8 })
    fc.assert(
      fc.property(graphShape, probeShape, steps, (graph, firstProbe, changes) => {
        withStore((store) => {
          const model = new GraphModel()
          const keys = graph.nodes.map((_, i) => `n${i}`)
          store.nodes.createMany({ nodes: graph.nodes.map((type, i) => ({ key: keys[i] as string, type, label: `Node ${i}` })) })
          graph.nodes.forEach((type, i) => model.addNode(keys[i] as string, type))
          addEdges(store, model, keys, graph.edges)
          checkEverything(store, model, firstProbe)
          let added = 0
          for (const { write, probe } of changes) {
            const live = [...model.nodes.keys()]
            const edgeIds = [...model.edges.keys()]
            if (write.kind === 'addNode') {
              const key = `m${added++}`
              store.nodes.create({ key, type: write.type, label: key })
              model.addNode(key, write.type)
            } else if (write.kind === 'deleteNode' && live.length > 1) {
              const key = at(live, write.at)
              store.nodes.delete({ key })
              model.deleteNode(key)
            } else if (write.kind === 'addEdges' && live.length > 0) {
              addEdges(store, model, live, write.edges)
            } else if (write.kind === 'deleteEdge' && edgeIds.length > 0) {
              const id = at(edgeIds, write.at)
              store.edges.delete({ id })
              model.edges.delete(id)
            } else if (write.kind === 'updateEdge' && edgeIds.length > 0) {
              const id = at(edgeIds, write.at)
              store.edges.update({ id, type: write.type, weight: write.weight })
              model.edges.set(id, { ...(model.edges.get(id) as NonNullable<ReturnType<typeof model.edges.get>>), type: write.type, weight: write.weight })
            }
            checkEverything(store, model, probe)
          }
        })
      }),
      propertyRun('traversal model', 60),
    )
  }, 240_000)
})
