import type { QueryClient } from '@tanstack/react-query'
import type { KeyPath, ShortestPaths } from '../../../shared/graph.ts'
import { graphQueries } from './queries.ts'

export interface PathRequest {
  from: string
  to: string
  weighted: boolean
  direction: 'out' | 'in' | 'both'
  /** Null: every edge type. */
  edgeTypes: string[] | null
}

/** What path mode shows: all shortest paths by hops, or the one cheapest path by weight (then `cost` is set). */
export type PathAnswer = ShortestPaths & { cost: number | null }

/** Fetches the paths: `graph.shortestPaths` for hops, `graph.shortestPath` (one path) when weighted. */
export async function fetchPathAnswer(queryClient: QueryClient, { from, to, weighted, direction, edgeTypes }: PathRequest): Promise<PathAnswer> {
  const types = edgeTypes ? { edgeTypes } : {}
  if (!weighted) return { ...(await queryClient.fetchQuery(graphQueries.shortestPaths({ from, to, direction, ...types }))), cost: null }
  const path = await queryClient.fetchQuery(graphQueries.shortestPath({ from, to, weighted, direction, ...types }))
  // The single path's nodes and edges come in path order.
  const paths: KeyPath[] = path.found ? [{ nodes: path.nodes.map((node) => node.key), edges: path.edges.map((edge) => edge.id) }] : []
  return { nodes: path.nodes, edges: path.edges, found: path.found, hops: path.hops, paths, more: false, cost: path.cost }
}

/** The steps of one path as the text list shows them: node, edge (with its direction along the path), node, … */
export interface PathStep {
  node: { key: string; label: string; type: string }
  /** The edge from this node to the next; absent on the last node. */
  edge?: { id: number; type: string; forwards: boolean }
}

export function pathSteps(answer: PathAnswer, path: KeyPath): PathStep[] {
  const nodes = new Map(answer.nodes.map((node) => [node.key, node]))
  const edges = new Map(answer.edges.map((edge) => [edge.id, edge]))
  return path.nodes.map((key, i) => {
    const node = nodes.get(key) ?? { key, label: key, type: '' }
    const edgeId = path.edges[i]
    const edge = edgeId === undefined ? undefined : edges.get(edgeId)
    return { node: { key, label: node.label || key, type: node.type }, ...(edge ? { edge: { id: edge.id, type: edge.type, forwards: edge.source === key } } : {}) }
  })
}
