import type { AdjacencyRow } from '../repos/adjacency.ts'
import { compareBinary, type Csr, type CsrGraph } from './csr.ts'
import { EdgeList } from './edge-list.ts'

export type Step = 'out' | 'in'
/** A node's edges in one direction, as parallel arrays. */
export interface Slots {
  neighbour: number[]
  edge: number[]
  type: number[]
  weight: number[]
}
/** Called for each edge at a node: the node at its other end, its id, type id and weight. */
export type Visit = (neighbour: number, edge: number, type: number, weight: number) => void

interface AddedEdge {
  source: number
  target: number
  type: number
  weight: number
}

/**
 * The whole graph's structure in memory: the CSR built by the last rebuild plus a small overlay of
 * the edges written since (removed ids, added edges), until the next rebuild folds it in.
 */
export class Adjacency {
  readonly base: CsrGraph
  readonly typeNames: string[]
  protected readonly typeIds = new Map<string, number>()
  private typeRank: Int32Array
  private readonly removed = new Set<number>()
  private readonly added = new Map<number, AddedEdge>()
  private readonly addedOut = new Map<number, number[]>()
  private readonly addedIn = new Map<number, number[]>()
  private removedFromBase = 0
  /** One past the highest node id seen: scratch arrays indexed by node id need this many cells. */
  nodeLimit: number

  constructor(base: CsrGraph, maxNodeId: number) {
    this.base = base
    this.typeNames = [...base.typeNames]
    this.typeNames.forEach((name, id) => this.typeIds.set(name, id))
    this.typeRank = Int32Array.from(this.typeNames, (_, id) => id)
    this.nodeLimit = maxNodeId + 1
  }

  get edgeCount(): number {
    return this.base.edgeCount - this.removedFromBase + this.added.size
  }

  /** Writes since the last rebuild; a large overlay makes every traversal slower, so the cache rebuilds. */
  get overlaySize(): number {
    return this.removed.size + this.added.size
  }

  /** Bytes held by the built arrays (the overlay of recent writes is small and left out). */
  get bytes(): number {
    const { out, in: inward, weight } = this.base
    return [out, inward].reduce((sum, csr) => sum + csr.offsets.byteLength + csr.neighbour.byteLength + csr.edge.byteLength + csr.type.byteLength, weight.byteLength)
  }

  typeId(name: string): number | undefined {
    return this.typeIds.get(name)
  }

  /** A filter by type id, or null for every type; names the graph has never seen match nothing. */
  typeMask(names: readonly string[] | undefined): Uint8Array | null {
    if (!names) return null
    const mask = new Uint8Array(this.typeNames.length)
    for (const name of names) {
      const id = this.typeIds.get(name)
      if (id !== undefined) mask[id] = 1
    }
    return mask
  }

  /** Base slots of one direction, for hot loops; skip slots whose edge is in `removedEdges`, then call forEachAdded. */
  csr(step: Step): Csr {
    return step === 'out' ? this.base.out : this.base.in
  }

  /** Edge ids removed from the base since it was built; null while there are none (the common case). */
  get removedEdges(): ReadonlySet<number> | null {
    return this.removed.size > 0 ? this.removed : null
  }

  get hasAdded(): boolean {
    return this.added.size > 0
  }

  /** The edges at a node added since the last rebuild. */
  forEachAdded(node: number, step: Step, mask: Uint8Array | null, visit: Visit): void {
    if (this.added.size === 0) return
    const extra = (step === 'out' ? this.addedOut : this.addedIn).get(node)
    if (!extra) return
    for (const id of extra) {
      const a = this.added.get(id) as AddedEdge
      if (mask !== null && mask[a.type] !== 1) continue
      visit(step === 'out' ? a.target : a.source, id, a.type, a.weight)
    }
  }

  forEach(node: number, step: Step, mask: Uint8Array | null, visit: Visit): void {
    const csr: Csr = step === 'out' ? this.base.out : this.base.in
    const { offsets, neighbour, edge, type } = csr
    const weight = this.base.weight
    const checkRemoved = this.removed.size > 0
    if (node + 1 < offsets.length) {
      const end = offsets[node + 1] as number
      for (let s = offsets[node] as number; s < end; s++) {
        const t = type[s] as number
        if (mask !== null && mask[t] !== 1) continue
        const e = edge[s] as number
        if (checkRemoved && this.removed.has(e)) continue
        visit(neighbour[s] as number, e, t, weight[e] as number)
      }
    }
    this.forEachAdded(node, step, mask, visit)
  }

  /** How many edges (of the types in `mask`) a node has in one direction. */
  count(node: number, step: Step, mask: Uint8Array | null): number {
    const { offsets, edge, type } = step === 'out' ? this.base.out : this.base.in
    let n = 0
    if (node + 1 < offsets.length) {
      const end = offsets[node + 1] as number
      const start = offsets[node] as number
      if (mask === null && this.removed.size === 0) n = end - start
      else {
        for (let s = start; s < end; s++) {
          if (mask !== null && mask[type[s] as number] !== 1) continue
          if (this.removed.size > 0 && this.removed.has(edge[s] as number)) continue
          n++
        }
      }
    }
    if (this.hasAdded) this.forEachAdded(node, step, mask, () => n++)
    return n
  }

  /** The edges at a node in one direction, by (type name, other node id, edge id): a stable paging order. */
  sortedSlots(node: number, step: Step, mask: Uint8Array | null): Slots {
    const slots: Slots = { neighbour: [], edge: [], type: [], weight: [] }
    this.forEach(node, step, mask, (n, e, t, w) => {
      slots.neighbour.push(n)
      slots.edge.push(e)
      slots.type.push(t)
      slots.weight.push(w)
    })
    // Base slots are already in order; only edges added since the last rebuild need a sort.
    if (!(step === 'out' ? this.addedOut : this.addedIn).has(node)) return slots
    const rank = this.typeRank
    const { neighbour, edge, type, weight } = slots
    const order = neighbour.map((_, i) => i)
    order.sort((a, b) => (rank[type[a] as number] as number) - (rank[type[b] as number] as number) || (neighbour[a] as number) - (neighbour[b] as number) || (edge[a] as number) - (edge[b] as number))
    const pick = (values: number[]) => order.map((i) => values[i] as number)
    return { neighbour: pick(neighbour), edge: pick(edge), type: pick(type), weight: pick(weight) }
  }

  /** Live edges with a negative weight among the types of `mask`: [edge id, type id, weight]. */
  firstNegative(mask: Uint8Array | null): [number, number, number] | undefined {
    for (const [id, type] of this.base.negative) {
      if ((mask === null || mask[type] === 1) && !this.removed.has(id)) return [id, type, this.base.weight[id] as number]
    }
    for (const [id, a] of this.added) if (a.weight < 0 && (mask === null || mask[a.type] === 1)) return [id, a.type, a.weight]
    return undefined
  }

  noteNode(id: number): void {
    if (id >= this.nodeLimit) this.nodeLimit = id + 1
  }

  /** Ids of every edge at a node, both directions (to drop them when the node is deleted). */
  edgesAt(node: number): number[] {
    const ids: number[] = []
    this.forEach(node, 'out', null, (_n, e) => ids.push(e))
    this.forEach(node, 'in', null, (_n, e) => ids.push(e))
    return ids
  }

  removeEdge(id: number): void {
    const a = this.added.get(id)
    if (a) {
      this.added.delete(id)
      dropFrom(this.addedOut, a.source, id)
      dropFrom(this.addedIn, a.target, id)
    }
    const inBase = id < this.base.weight.length && !Number.isNaN(this.base.weight[id])
    if (inBase && !this.removed.has(id)) {
      this.removed.add(id)
      this.removedFromBase++
    }
  }

  /** Adds an edge as it is now in the store; call removeEdge(id) first if it may be present. */
  addEdge([id, source, target, typeName, weight]: AdjacencyRow): void {
    this.added.set(id, { source, target, type: this.internType(typeName), weight })
    pushTo(this.addedOut, source, id)
    pushTo(this.addedIn, target, id)
    this.noteNode(Math.max(source, target))
  }

  protected internType(name: string): number {
    let id = this.typeIds.get(name)
    if (id !== undefined) return id
    id = this.typeNames.length
    this.typeNames.push(name)
    this.typeIds.set(name, id)
    const byName = this.typeNames.map((_, i) => i).sort((a, b) => compareBinary(this.typeNames[a] as string, this.typeNames[b] as string))
    this.typeRank = new Int32Array(this.typeNames.length)
    byName.forEach((typeId, rank) => (this.typeRank[typeId] = rank))
    return id
  }
}

function pushTo(map: Map<number, number[]>, node: number, id: number): void {
  const list = map.get(node)
  if (list) list.push(id)
  else map.set(node, [id])
}

function dropFrom(map: Map<number, number[]>, node: number, id: number): void {
  const list = map.get(node)
  if (!list) return
  const at = list.indexOf(id)
  if (at >= 0) list.splice(at, 1)
  if (list.length === 0) map.delete(node)
}

/** An edge as the searches return it: node ids and type id, turned into keys and names at the end. */
export interface RawEdge {
  id: number
  source: number
  target: number
  type: number
  weight: number
}

export type Direction = 'out' | 'in' | 'both'
export const stepsOf = (direction: Direction): Step[] => (direction === 'both' ? ['out', 'in'] : [direction])
export const reverseOf = (direction: Direction): Direction => (direction === 'out' ? 'in' : direction === 'in' ? 'out' : 'both')
export const rawEdge = (node: number, step: Step, neighbour: number, id: number, type: number, weight: number): RawEdge =>
  step === 'out' ? { id, source: node, target: neighbour, type, weight } : { id, source: neighbour, target: node, type, weight }

/** Every edge (matching `mask`) whose two ends are both in `members`, once each, in the order of `nodes`. */
export function edgesAmong(adjacency: Adjacency, nodes: readonly number[], members: NodeSet, mask: Uint8Array | null): EdgeList {
  // Power-law neighbourhoods hold about four edges per node.
  const edges = new EdgeList(nodes.length * 4)
  const { offsets, neighbour, edge, type } = adjacency.csr('out')
  const weight = adjacency.base.weight
  const removed = adjacency.removedEdges
  const { stamp, generation } = members
  for (const node of nodes) {
    const end = node + 1 < offsets.length ? (offsets[node + 1] as number) : 0
    for (let s = node + 1 < offsets.length ? (offsets[node] as number) : 0; s < end; s++) {
      const other = neighbour[s] as number
      if (stamp[other] !== generation) continue
      const t = type[s] as number
      if (mask !== null && mask[t] !== 1) continue
      const id = edge[s] as number
      if (removed !== null && removed.has(id)) continue
      edges.push(id, node, other, t, weight[id] as number)
    }
    if (adjacency.hasAdded) {
      adjacency.forEachAdded(node, 'out', mask, (other, id, t, w) => {
        if (stamp[other] === generation) edges.push(id, node, other, t, w)
      })
    }
  }
  return edges
}

/** A set of node ids as stamped cells (see NodeMarks). */
export interface NodeSet {
  stamp: Uint32Array
  generation: number
}
