// An obviously-correct model of the graph for the traversal tests: plain maps and arrays, no cache,
// no CSR, nothing shared with the code under test.
export interface ModelEdge {
  id: number
  source: string
  target: string
  type: string
  weight: number
}

export class GraphModel {
  nodes = new Map<string, string>()
  edges = new Map<number, ModelEdge>()

  addNode(key: string, type: string): void {
    this.nodes.set(key, type)
  }

  deleteNode(key: string): void {
    this.nodes.delete(key)
    for (const [id, edge] of this.edges) if (edge.source === key || edge.target === key) this.edges.delete(id)
  }

  /** Steps from `key`: [neighbour, edge] for each edge leaving (out), entering (in) or touching (both) it. */
  steps(key: string, direction: 'out' | 'in' | 'both', types?: string[]): [string, ModelEdge][] {
    const found: [string, ModelEdge][] = []
    for (const edge of this.edges.values()) {
      if (types && !types.includes(edge.type)) continue
      if (direction !== 'in' && edge.source === key) found.push([edge.target, edge])
      if (direction !== 'out' && edge.target === key) found.push([edge.source, edge])
    }
    return found
  }

  /** Distance from the nearest seed, by plain breadth-first search without a depth limit. */
  distances(seeds: string[], direction: 'out' | 'in' | 'both', types?: string[]): Map<string, number> {
    const distance = new Map<string, number>()
    let frontier: string[] = []
    for (const seed of seeds) {
      if (distance.has(seed)) continue
      distance.set(seed, 0)
      frontier.push(seed)
    }
    for (let level = 1; frontier.length > 0; level++) {
      const next: string[] = []
      for (const key of frontier) {
        for (const [neighbour] of this.steps(key, direction, types)) {
          if (distance.has(neighbour)) continue
          distance.set(neighbour, level)
          next.push(neighbour)
        }
      }
      frontier = next
    }
    return distance
  }

  /** Cheapest cost of a walk of at most `maxHops` edges (Bellman–Ford rounds); Infinity when none. */
  cheapest(from: string, to: string, direction: 'out' | 'in' | 'both', types: string[] | undefined, maxHops: number): number {
    let cost = new Map<string, number>([[from, 0]])
    for (let round = 0; round < maxHops; round++) {
      const next = new Map(cost)
      for (const [key, c] of cost) {
        for (const [neighbour, edge] of this.steps(key, direction, types)) {
          if (c + edge.weight < (next.get(neighbour) ?? Infinity)) next.set(neighbour, c + edge.weight)
        }
      }
      cost = next
    }
    return cost.get(to) ?? Infinity
  }

  edgesAmong(keys: Set<string>, types?: string[]): number[] {
    return [...this.edges.values()].filter((e) => keys.has(e.source) && keys.has(e.target) && (!types || types.includes(e.type))).map((e) => e.id).sort((a, b) => a - b)
  }
}

/** Nearest-rank percentile of ascending integers. */
export function nearestRank(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}
