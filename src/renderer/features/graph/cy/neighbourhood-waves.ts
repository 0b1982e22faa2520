import type { GraphEdge } from '../../../../shared/graph.ts'
import type { PlacementGroup } from './place-new-nodes.ts'

/**
 * The order in which to place a loaded neighbourhood's new nodes: breadth-first from `centre` over
 * the neighbourhood's edges (either direction), each new node grouped under the node it was first
 * reached from, one wave per step. New nodes the search never reaches go around the centre last.
 */
export function neighbourhoodWaves(centre: string, edges: readonly GraphEdge[], fresh: ReadonlySet<string>): PlacementGroup[][] {
  const adjacent = new Map<string, string[]>()
  const link = (a: string, b: string) => {
    const list = adjacent.get(a)
    if (list) list.push(b)
    else adjacent.set(a, [b])
  }
  for (const edge of edges) {
    link(edge.source, edge.target)
    link(edge.target, edge.source)
  }
  const reached = new Set([centre])
  const waves: PlacementGroup[][] = []
  let frontier = [centre]
  while (frontier.length > 0) {
    const wave: PlacementGroup[] = []
    const next: string[] = []
    for (const parent of frontier) {
      const children: string[] = []
      for (const other of adjacent.get(parent) ?? []) {
        if (reached.has(other)) continue
        reached.add(other)
        next.push(other)
        if (fresh.has(other)) children.push(other)
      }
      if (children.length > 0) wave.push([parent, children])
    }
    if (wave.length > 0) waves.push(wave)
    frontier = next
  }
  const unreached = [...fresh].filter((key) => !reached.has(key))
  if (unreached.length > 0) waves.push([[centre, unreached]])
  return waves
}
