import { stepsOf, type Adjacency, type Direction } from './adjacency.ts'
import { MinHeap } from './heap.ts'
import { pathFromState, type PathResult } from './shortest-path.ts'

const MAX_HOPS = 7
const NONE = 127

/** Per-node search state in flat typed arrays, reused across searches (valid where stamp = generation). */
class WeightedMarks {
  stamp = new Uint32Array(0)
  generation = 0
  /** The fewest hops with which the node was settled (NONE: not yet). */
  settledHops = new Int8Array(0)
  /** queued[node * MAX_HOPS + h]: the cheapest state queued for the node with exactly h hops. */
  queued = new Float64Array(0)

  reset(nodeLimit: number): void {
    if (this.stamp.length < nodeLimit) {
      this.stamp = new Uint32Array(nodeLimit)
      this.settledHops = new Int8Array(nodeLimit)
      this.queued = new Float64Array(nodeLimit * MAX_HOPS)
      this.generation = 0
    }
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0)
      this.generation = 1
    }
  }

  touch(node: number): void {
    if (this.stamp[node] === this.generation) return
    this.stamp[node] = this.generation
    this.settledHops[node] = NONE
    this.queued.fill(Infinity, node * MAX_HOPS, node * MAX_HOPS + MAX_HOPS)
  }

  /** A state queued for the node costs no more with no more hops: this one can add nothing. */
  dominated(node: number, hops: number, cost: number): boolean {
    const base = node * MAX_HOPS
    for (let h = 0; h <= hops; h++) if ((this.queued[base + h] as number) <= cost) return true
    return false
  }
}

const marks = new WeightedMarks()

/**
 * Cheapest path of at most `maxDepth` edges (weights must not be negative): Dijkstra over
 * (node, hops) states. A state is skipped when the node was already settled with no more hops,
 * since that earlier state cost no more and can go at least as far; and it is not even queued when
 * a state queued for the node costs no more with no more hops.
 */
export function dijkstra(adjacency: Adjacency, start: number, goal: number, direction: Direction, mask: Uint8Array | null, maxDepth: number): PathResult {
  if (start === goal) return { nodes: [start], edges: [], cost: 0 }
  marks.reset(Math.max(adjacency.nodeLimit, start + 1, goal + 1))
  const stateNode: number[] = [start]
  const stateHops: number[] = [0]
  const stateParent: number[] = [-1]
  const stateEdge: number[] = [-1]
  const heap = new MinHeap()
  heap.push(0, 0)
  marks.touch(start)
  marks.queued[start * MAX_HOPS] = 0
  const steps = stepsOf(direction)
  let cost = 0
  let state = 0
  let hops = 0
  let from = 0
  const relax = (neighbour: number, edge: number, _type: number, weight: number) => {
    const next = cost + weight
    marks.touch(neighbour)
    if ((marks.settledHops[neighbour] as number) <= hops + 1 || marks.dominated(neighbour, hops + 1, next)) return
    marks.queued[neighbour * MAX_HOPS + hops + 1] = next
    heap.push(next, stateNode.length)
    stateNode.push(neighbour)
    stateHops.push(hops + 1)
    stateParent.push(state)
    stateEdge.push(edge)
  }
  while (heap.size > 0) {
    cost = heap.peekCost()
    state = heap.pop()
    from = stateNode[state] as number
    hops = stateHops[state] as number
    if ((marks.settledHops[from] as number) <= hops) continue
    marks.settledHops[from] = hops
    if (from === goal) return pathFromState(adjacency, state, stateNode, stateParent, stateEdge, mask, steps)
    if (hops === maxDepth) continue
    for (const step of steps) adjacency.forEach(from, step, mask, relax)
  }
  return { nodes: [], edges: [], cost: 0 }
}
