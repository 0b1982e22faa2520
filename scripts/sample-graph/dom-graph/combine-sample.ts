import type { SampleGraph } from '../npm-graph/build-npm-graph.ts'

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * One sample from several graphs whose keys do not overlap (each part has its own key prefixes);
 * the provenance names every part. Sorted like each part, so the output stays byte-identical.
 */
export function combineSampleGraphs(parts: SampleGraph[], generator: string): SampleGraph {
  const nodes = parts.flatMap((part) => part.nodes).sort((a, b) => byText(a.key, b.key))
  for (let index = 1; index < nodes.length; index++) {
    if (nodes[index]!.key === nodes[index - 1]!.key) throw new Error(`two parts of the sample both have the node ${nodes[index]!.key}`)
  }
  const edges = parts
    .flatMap((part) => part.edges)
    .sort((a, b) => byText(a.source, b.source) || byText(a.target, b.target) || byText(a.type, b.type))
  return {
    provenance: {
      title: parts.map((part) => String(part.provenance.title)).join(' + '),
      description:
        'Real data, built from files that are installed with GraphKeep on every machine that builds it; ' +
        'each part says where its data comes from.',
      generator,
      parts: parts.map((part) => {
        const { generator: _generator, ...provenance } = part.provenance
        return { ...provenance, nodes: part.nodes.length, edges: part.edges.length }
      }),
    },
    nodes,
    edges,
  }
}
