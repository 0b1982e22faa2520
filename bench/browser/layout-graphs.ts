import type { NewEdge, NewNode } from '../../src/shared/domain.ts'
import type { WebServer } from '../../test/e2e/fixtures/web-server.ts'
import { generateGraph } from '../generate.ts'
import { prefixed, spiralPositions } from './bench-graphs.ts'

/**
 * Graphs for judging layouts: each saved twice as a view with stored (spiral) positions — whole
 * (`name`), and without the neighbours of its biggest hub (`expandView`), so that expanding the hub
 * brings new nodes in, a page at a time.
 */
export interface LayoutGraph {
  name: string
  expandView: string
  nodes: number
  edges: number
  hub: string
  hubDegree: number
  expandViewNodes: number
}

const BATCH = 10_000

/** The node with the most distinct neighbours, and those neighbours. */
function biggestHub(keys: string[], edges: { source: string; target: string }[]): { hub: string; neighbours: Set<string> } {
  const neighbours = new Map<string, Set<string>>(keys.map((key) => [key, new Set()]))
  for (const { source, target } of edges) {
    if (source === target) continue
    neighbours.get(source)?.add(target)
    neighbours.get(target)?.add(source)
  }
  let hub = keys[0]!
  for (const key of keys) if (neighbours.get(key)!.size > neighbours.get(hub)!.size) hub = key
  return { hub, neighbours: neighbours.get(hub)! }
}

async function saveView(server: WebServer, name: string, keys: string[]): Promise<void> {
  const state = { version: 1, keys, positions: spiralPositions(keys.length), pinned: [], hidden: [], hiddenTypes: [], layout: 'preset', webgl: false }
  await server.call('views.save', { name, state, nodeCount: keys.length })
}

async function saveViews(server: WebServer, name: string, keys: string[], edges: { source: string; target: string }[]): Promise<LayoutGraph> {
  const { hub, neighbours } = biggestHub(keys, edges)
  const expandKeys = keys.filter((key) => !neighbours.has(key))
  await saveView(server, name, keys)
  await saveView(server, `${name}-expand`, expandKeys)
  return { name, expandView: `${name}-expand`, nodes: keys.length, edges: edges.length, hub, hubDegree: neighbours.size, expandViewNodes: expandKeys.length }
}

/** A seeded power-law graph (γ 2.3, so a few hubs) of `nodes` nodes, inserted through the API. */
export async function addPowerLawGraph(server: WebServer, nodes: number, { seed, edgesPerNode = 1.5 }: { seed: number; edgesPerNode?: number }): Promise<LayoutGraph> {
  const name = `layout-${nodes}`
  const generated = generateGraph({ nodes, edgesPerNode, seed: seed + nodes, gamma: 2.3 })
  const graph: { nodes: NewNode[]; edges: NewEdge[] } = prefixed(name, generated.nodes, generated.edges)
  for (let i = 0; i < graph.nodes.length; i += BATCH) await server.call('nodes.createMany', { nodes: graph.nodes.slice(i, i + BATCH) })
  for (let i = 0; i < graph.edges.length; i += BATCH) await server.call('edges.createMany', { edges: graph.edges.slice(i, i + BATCH) })
  return saveViews(server, name, graph.nodes.map((node) => node.key), graph.edges)
}

/**
 * A view of the sample graph (which the server must hold): the two-hop neighbourhood of the ESLint
 * package, 120 nodes with a few hubs — a dependency view an analyst would open.
 */
export async function addSampleView(server: WebServer, { keyPrefix = 'pkg:eslint@', depth = 2, nodeBudget = 120 } = {}): Promise<LayoutGraph> {
  const degrees = await server.call('graph.degrees', { top: 100 })
  const centre = degrees.top.find((node) => node.key.startsWith(keyPrefix))
  if (!centre) throw new Error(`the store holds no sample node whose key starts with ${keyPrefix}`)
  const around = await server.call('graph.neighbourhood', { keys: [centre.key], depth, nodeBudget })
  return saveViews(server, 'layout-sample', around.nodes.map((node) => node.key), around.edges)
}
