import type { NewEdge, NewNode } from '../../src/shared/domain.ts'
import { generateGraph } from '../generate.ts'
import type { WebServer } from '../../test/e2e/fixtures/web-server.ts'

const BATCH = 10_000

export interface BenchGraph {
  name: string
  nodes: number
  edges: number
  keys: string[]
}

/** Keys get a per-graph prefix so that several generated graphs live side by side in one store. */
export function prefixed(prefix: string, nodes: NewNode[], edges: NewEdge[]): { nodes: NewNode[]; edges: NewEdge[] } {
  return {
    nodes: nodes.map((node) => ({ ...node, key: `${prefix}:${node.key}` })),
    edges: edges.map((edge) => ({ ...edge, source: `${prefix}:${edge.source}`, target: `${prefix}:${edge.target}` })),
  }
}

/** A sunflower spiral: evenly spread stored positions, as a laid-out view would have. */
export function spiralPositions(count: number, spacing = 28): number[] {
  const positions: number[] = []
  const golden = Math.PI * (3 - Math.sqrt(5))
  for (let i = 0; i < count; i++) {
    const radius = spacing * Math.sqrt(i + 0.5)
    positions.push(Math.round(radius * Math.cos(i * golden) * 10) / 10, Math.round(radius * Math.sin(i * golden) * 10) / 10)
  }
  return positions
}

/**
 * Inserts a generated power-law graph of `nodes` nodes through the API and saves it as a view with
 * stored positions, so the view opens as a user's saved view does: views.get, graph.induced, preset.
 */
export async function addBenchGraph(server: WebServer, nodes: number, { seed, edgesPerNode }: { seed: number; edgesPerNode: number }): Promise<BenchGraph> {
  const name = `bench-${nodes}`
  const generated = generateGraph({ nodes, edgesPerNode, seed: seed + nodes, gamma: 2.3 })
  const graph = prefixed(name, generated.nodes, generated.edges)
  for (let i = 0; i < graph.nodes.length; i += BATCH) await server.call('nodes.createMany', { nodes: graph.nodes.slice(i, i + BATCH) })
  for (let i = 0; i < graph.edges.length; i += BATCH) await server.call('edges.createMany', { edges: graph.edges.slice(i, i + BATCH) })
  const keys = graph.nodes.map((node) => node.key)
  const state = { version: 1, keys, positions: spiralPositions(keys.length), pinned: [], hidden: [], hiddenTypes: [], layout: 'preset', webgl: false }
  await server.call('views.save', { name, state, nodeCount: keys.length })
  return { name, nodes: keys.length, edges: graph.edges.length, keys }
}
