import type { ElementDefinition } from 'cytoscape'
import type { GraphEdge, GraphNode } from '../../../../shared/graph.ts'
import { edgeElementId } from './ids.ts'
import { edgeColour, nodeColour, nodeShape } from './type-palette.ts'

export interface Point {
  x: number
  y: number
}

export interface NodeData {
  id: string
  label: string
  type: string
  colour: string
  shape: string
}

export interface EdgeData {
  id: string
  source: string
  target: string
  type: string
  weight: number
  edgeId: number
  colour: string
}

export function nodeElement(node: GraphNode, position?: Point): ElementDefinition {
  const data: NodeData = { id: node.key, label: node.label || node.key, type: node.type, colour: nodeColour(node.type), shape: nodeShape(node.type) }
  return position ? { group: 'nodes', data, position: { x: position.x, y: position.y } } : { group: 'nodes', data }
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  const data: EdgeData = {
    id: edgeElementId(edge.id),
    source: edge.source,
    target: edge.target,
    type: edge.type,
    weight: edge.weight,
    edgeId: edge.id,
    colour: edgeColour(edge.type),
  }
  return { group: 'edges', data }
}

/**
 * The elements of a subgraph that the view does not hold yet (the diff to add): nodes first, then
 * edges whose both ends will be present, so that cy.add never meets a dangling edge.
 */
export function missingElements(
  subgraph: { nodes: GraphNode[]; edges: GraphEdge[] },
  has: (id: string) => boolean,
  positionOf: (key: string) => Point | undefined = () => undefined,
): { nodes: ElementDefinition[]; edges: ElementDefinition[] } {
  const nodes: ElementDefinition[] = []
  const present = new Set<string>()
  for (const node of subgraph.nodes) {
    if (present.has(node.key)) continue
    present.add(node.key)
    if (!has(node.key)) nodes.push(nodeElement(node, positionOf(node.key)))
  }
  const edges: ElementDefinition[] = []
  const seenEdges = new Set<number>()
  for (const edge of subgraph.edges) {
    if (seenEdges.has(edge.id)) continue
    seenEdges.add(edge.id)
    const ends = (key: string) => present.has(key) || has(key)
    if (!has(edgeElementId(edge.id)) && ends(edge.source) && ends(edge.target)) edges.push(edgeElement(edge))
  }
  return { nodes, edges }
}
