import { rawEdge, reverseOf, stepsOf, type Adjacency, type Direction, type RawEdge, type Step } from './adjacency.ts'
import { NodeMarks } from './scratch.ts'

export interface HopPath {
  /** Node ids from start to goal. */
  nodes: number[]
  edges: RawEdge[]
}

export interface ShortestPathSet {
  hops: number
  /** Up to `limit` paths of `hops` edges, ordered by their (node id, edge id) steps. */
  paths: HopPath[]
  /** More shortest paths exist than were returned. */
  more: boolean
}

// Own marks, not the single-path search's: the two searches may interleave in one call chain.
const forward = new NodeMarks()
const backward = new NodeMarks()
/** Nodes on some shortest path, with their position on it as `distance`. */
const onPath = new NodeMarks()

/** Marks one whole level of one side; returns the newly reached nodes and those the other side already holds. */
function expandLevel(adjacency: Adjacency, frontier: number[], steps: Step[], mask: Uint8Array | null, own: NodeMarks, other: NodeMarks, distance: number) {
  const next: number[] = []
  const meeting: number[] = []
  for (const node of frontier) {
    for (const step of steps) {
      adjacency.forEach(node, step, mask, (neighbour) => {
        if (own.has(neighbour)) return
        own.set(neighbour, distance)
        next.push(neighbour)
        if (other.has(neighbour)) meeting.push(neighbour)
      })
    }
  }
  return { next, meeting }
}

/**
 * Layers of the nodes on shortest paths, walked out from the meeting layer: towards the start through
 * the forward distances, towards the goal through the backward ones (each side knows only its half).
 */
function markPathLayers(adjacency: Adjacency, meeting: number[], meetAt: number, hops: number, direction: Direction, mask: Uint8Array | null): void {
  for (const node of meeting) onPath.set(node, meetAt)
  const walk = (from: number[], steps: Step[], marks: NodeMarks, position: (j: number) => number, wanted: (j: number) => number, until: (j: number) => boolean, advance: number) => {
    let layer = from
    for (let j = meetAt; !until(j); j += advance) {
      const next: number[] = []
      for (const node of layer) {
        for (const step of steps) {
          adjacency.forEach(node, step, mask, (neighbour) => {
            if (onPath.has(neighbour) || !marks.has(neighbour) || marks.distance[neighbour] !== wanted(j)) return
            onPath.set(neighbour, position(j))
            next.push(neighbour)
          })
        }
      }
      layer = next
    }
  }
  walk(meeting, stepsOf(reverseOf(direction)), forward, (j) => j - 1, (j) => j - 1, (j) => j <= 0, -1)
  walk(meeting, stepsOf(direction), backward, (j) => j + 1, (j) => hops - j - 1, (j) => j >= hops, 1)
}

/** Depth-first over the shortest-path layers, smallest (node id, edge id) step first; stops after `limit + 1` paths. */
function enumeratePaths(adjacency: Adjacency, start: number, hops: number, direction: Direction, mask: Uint8Array | null, limit: number): HopPath[] {
  const found: HopPath[] = []
  const nodes = [start]
  const edges: RawEdge[] = []
  const visit = (node: number, position: number): void => {
    if (position === hops) {
      found.push({ nodes: [...nodes], edges: [...edges] })
      return
    }
    const choices: RawEdge[] = []
    for (const step of stepsOf(direction)) {
      adjacency.forEach(node, step, mask, (neighbour, edge, type, weight) => {
        if (onPath.has(neighbour) && onPath.distance[neighbour] === position + 1) choices.push(rawEdge(node, step, neighbour, edge, type, weight))
      })
    }
    const other = (edge: RawEdge) => (edge.source === node ? edge.target : edge.source)
    choices.sort((a, b) => other(a) - other(b) || a.id - b.id)
    for (const edge of choices) {
      if (found.length > limit) return
      nodes.push(other(edge))
      edges.push(edge)
      visit(other(edge), position + 1)
      nodes.pop()
      edges.pop()
    }
  }
  visit(start, 0)
  return found
}

/**
 * Every path of the fewest hops (at most `maxDepth`) from `start` to `goal`, up to `limit` of them:
 * a breadth-first search from both ends, level by level until they meet, then an enumeration over
 * the nodes that lie on some shortest path. Null when no path is that short.
 */
export function allShortestPaths(adjacency: Adjacency, start: number, goal: number, direction: Direction, mask: Uint8Array | null, maxDepth: number, limit: number): ShortestPathSet | null {
  if (start === goal) return { hops: 0, paths: [{ nodes: [start], edges: [] }], more: false }
  forward.reset(adjacency.nodeLimit).set(start, 0)
  backward.reset(adjacency.nodeLimit).set(goal, 0)
  onPath.reset(adjacency.nodeLimit)
  let forwardFrontier = [start]
  let backwardFrontier = [goal]
  let forwardRadius = 0
  let backwardRadius = 0
  let meeting: number[] = []
  while (meeting.length === 0 && forwardRadius + backwardRadius < maxDepth) {
    if (forwardFrontier.length === 0 || backwardFrontier.length === 0) return null
    if (forwardFrontier.length <= backwardFrontier.length) {
      const level = expandLevel(adjacency, forwardFrontier, stepsOf(direction), mask, forward, backward, ++forwardRadius)
      forwardFrontier = level.next
      meeting = level.meeting
    } else {
      const level = expandLevel(adjacency, backwardFrontier, stepsOf(reverseOf(direction)), mask, backward, forward, ++backwardRadius)
      backwardFrontier = level.next
      meeting = level.meeting
    }
  }
  if (meeting.length === 0) return null
  // The first level that meets decides the length: every meeting node is exactly forwardRadius from the start.
  const hops = forwardRadius + backwardRadius
  markPathLayers(adjacency, meeting, forwardRadius, hops, direction, mask)
  const paths = enumeratePaths(adjacency, start, hops, direction, mask, limit)
  return { hops, paths: paths.slice(0, limit), more: paths.length > limit }
}
