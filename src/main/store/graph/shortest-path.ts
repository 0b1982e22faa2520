import { rawEdge, reverseOf, stepsOf, type Adjacency, type Direction, type RawEdge, type Step } from './adjacency.ts'
import { backwardMarks, forwardMarks, type NodeMarks } from './scratch.ts'

export interface PathResult {
  /** Node ids from start to goal; empty when no path was found. */
  nodes: number[]
  edges: RawEdge[]
  cost: number
}

const NOT_FOUND: PathResult = { nodes: [], edges: [], cost: 0 }

/** Expands one whole level of one side; returns a node the other side has reached, or -1. Reads the CSR directly. */
function expandLevel(adjacency: Adjacency, frontier: number[], steps: Step[], mask: Uint8Array | null, own: NodeMarks, other: NodeMarks, next: number[]): number {
  const removed = adjacency.removedEdges
  let meeting = -1
  const reach = (node: number, neighbour: number, edge: number, distance: number) => {
    if (own.has(neighbour)) return
    own.set(neighbour, distance, node, edge)
    next.push(neighbour)
    if (meeting < 0 && other.has(neighbour)) meeting = neighbour
  }
  for (const node of frontier) {
    const distance = (own.distance[node] as number) + 1
    for (const step of steps) {
      const { offsets, neighbour, edge, type } = adjacency.csr(step)
      const end = node + 1 < offsets.length ? (offsets[node + 1] as number) : 0
      for (let s = node + 1 < offsets.length ? (offsets[node] as number) : 0; s < end; s++) {
        if (mask !== null && mask[type[s] as number] !== 1) continue
        if (removed !== null && removed.has(edge[s] as number)) continue
        reach(node, neighbour[s] as number, edge[s] as number, distance)
      }
      if (adjacency.hasAdded) adjacency.forEachAdded(node, step, mask, (n, e) => reach(node, n, e, distance))
    }
    if (meeting >= 0) return meeting
  }
  return meeting
}

/** The edge between two nodes that a search recorded, with its real source and target. */
function edgeFrom(adjacency: Adjacency, from: number, to: number, id: number, mask: Uint8Array | null, steps: Step[]): RawEdge {
  let found: RawEdge | undefined
  for (const step of steps) {
    adjacency.forEach(from, step, mask, (neighbour, edge, type, weight) => {
      if (!found && edge === id && neighbour === to) found = rawEdge(from, step, neighbour, edge, type, weight)
    })
  }
  return found as RawEdge
}

export function pathOf(adjacency: Adjacency, nodes: number[], edgeIds: number[], mask: Uint8Array | null, steps: Step[]): PathResult {
  const edges = edgeIds.map((id, i) => edgeFrom(adjacency, nodes[i] as number, nodes[i + 1] as number, id, mask, steps))
  let cost = 0
  for (const edge of edges) cost += edge.weight
  return { nodes, edges, cost }
}

/** Fewest hops from `start` to `goal` within `maxDepth`: a breadth-first search from both ends, smaller frontier first. */
export function bidirectionalBfs(adjacency: Adjacency, start: number, goal: number, direction: Direction, mask: Uint8Array | null, maxDepth: number): PathResult {
  if (start === goal) return { nodes: [start], edges: [], cost: 0 }
  const forward = forwardMarks.reset(adjacency.nodeLimit)
  const backward = backwardMarks.reset(adjacency.nodeLimit)
  forward.set(start, 0)
  backward.set(goal, 0)
  const forwardSteps = stepsOf(direction)
  const backwardSteps = stepsOf(reverseOf(direction))
  let forwardFrontier = [start]
  let backwardFrontier = [goal]
  let meeting = -1
  for (let hops = 0; hops < maxDepth && meeting < 0; hops++) {
    if (forwardFrontier.length === 0 || backwardFrontier.length === 0) break
    const next: number[] = []
    if (forwardFrontier.length <= backwardFrontier.length) {
      meeting = expandLevel(adjacency, forwardFrontier, forwardSteps, mask, forward, backward, next)
      forwardFrontier = next
    } else {
      meeting = expandLevel(adjacency, backwardFrontier, backwardSteps, mask, backward, forward, next)
      backwardFrontier = next
    }
  }
  if (meeting < 0) return NOT_FOUND
  const nodes: number[] = []
  const edgeIds: number[] = []
  for (let node = meeting; node !== start; node = forward.parent[node] as number) {
    nodes.push(node)
    edgeIds.push(forward.parentEdge[node] as number)
  }
  nodes.push(start)
  nodes.reverse()
  edgeIds.reverse()
  for (let node = meeting; node !== goal; node = backward.parent[node] as number) {
    nodes.push(backward.parent[node] as number)
    edgeIds.push(backward.parentEdge[node] as number)
  }
  return pathOf(adjacency, nodes, edgeIds, mask, forwardSteps)
}

export function pathFromState(adjacency: Adjacency, state: number, stateNode: number[], stateParent: number[], stateEdge: number[], mask: Uint8Array | null, steps: Step[]): PathResult {
  const nodes: number[] = []
  const edgeIds: number[] = []
  for (let s = state; s >= 0; s = stateParent[s] as number) {
    nodes.push(stateNode[s] as number)
    if ((stateParent[s] as number) >= 0) edgeIds.push(stateEdge[s] as number)
  }
  return pathOf(adjacency, nodes.reverse(), edgeIds.reverse(), mask, steps)
}
