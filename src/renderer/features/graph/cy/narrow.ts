import type { Induced } from '../../../../shared/graph.ts'

/** Shows only the chosen node types of an over-budget subgraph (their edges among themselves). */
export function narrowByTypes(subgraph: Induced, types: ReadonlySet<string>): Induced {
  const nodes = subgraph.nodes.filter((node) => types.has(node.type))
  const kept = new Set(nodes.map((node) => node.key))
  return { ...subgraph, nodes, edges: subgraph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)) }
}
