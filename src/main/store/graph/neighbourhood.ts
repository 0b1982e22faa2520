import { edgesAmong, stepsOf, type Adjacency, type Direction } from './adjacency.ts'
import { EdgeList } from './edge-list.ts'
import { forwardMarks } from './scratch.ts'

export interface NeighbourhoodResult {
  /** Node ids in breadth-first order, seeds first. */
  nodes: number[]
  edges: EdgeList
  truncated: boolean
  /** The largest distance from the seeds among the returned nodes. */
  depthReached: number
}

/**
 * Breadth-first from the seeds up to `depth` steps, adding nodes until `budget`; then every edge of
 * the allowed types among the nodes found, whichever way it points. The loops read the CSR arrays
 * directly (a callback per edge costs several times more on hubs).
 */
export function kHop(adjacency: Adjacency, seeds: readonly number[], depth: number, direction: Direction, mask: Uint8Array | null, budget: number, withEdges = true): NeighbourhoodResult {
  const marks = forwardMarks.reset(Math.max(adjacency.nodeLimit, ...seeds.map((seed) => seed + 1)))
  const { stamp, generation } = marks
  const nodes: number[] = []
  let truncated = false
  for (const seed of seeds) {
    if (stamp[seed] === generation) continue
    if (nodes.length === budget) {
      truncated = true
      break
    }
    stamp[seed] = generation
    nodes.push(seed)
  }
  const steps = stepsOf(direction)
  const removed = adjacency.removedEdges
  const hasAdded = adjacency.hasAdded
  /** Marks and adds a node; false once the budget is full and the node had to be left out. */
  const reach = (node: number): boolean => {
    if (stamp[node] === generation) return true
    if (nodes.length === budget) return false
    stamp[node] = generation
    nodes.push(node)
    return true
  }
  let levelStart = 0
  let depthReached = 0
  for (let level = 1; level <= depth && !truncated; level++) {
    const levelEnd = nodes.length
    for (let i = levelStart; i < levelEnd && !truncated; i++) {
      const node = nodes[i] as number
      for (const step of steps) {
        const { offsets, neighbour, edge, type } = adjacency.csr(step)
        const end = node + 1 < offsets.length ? (offsets[node + 1] as number) : 0
        for (let s = node + 1 < offsets.length ? (offsets[node] as number) : 0; s < end; s++) {
          if (mask !== null && mask[type[s] as number] !== 1) continue
          if (removed !== null && removed.has(edge[s] as number)) continue
          if (!reach(neighbour[s] as number)) {
            truncated = true
            break
          }
        }
        if (hasAdded && !truncated) adjacency.forEachAdded(node, step, mask, (other) => void (reach(other) || (truncated = true)))
        if (truncated) break
      }
    }
    if (nodes.length > levelEnd) depthReached = level
    else break
    levelStart = levelEnd
  }
  return { nodes, edges: withEdges ? edgesAmong(adjacency, nodes, marks, mask) : new EdgeList(0), truncated, depthReached }
}
