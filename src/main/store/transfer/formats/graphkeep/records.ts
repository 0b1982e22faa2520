import type { Edge, Node } from '../../../../../shared/domain.ts'

/** A node as GraphKeep's JSON formats write it: everything but internal ids, timestamps included so a round trip keeps them. */
export const nodeRecord = (node: Node) => ({
  kind: 'node', key: node.key, type: node.type, label: node.label, properties: node.properties, createdAt: node.createdAt, updatedAt: node.updatedAt,
})

export const edgeRecord = (edge: Edge) => ({
  kind: 'edge', source: edge.source, target: edge.target, type: edge.type, weight: edge.weight, properties: edge.properties,
  createdAt: edge.createdAt, updatedAt: edge.updatedAt,
})
