import type { AdjacencyRow } from '../repos/adjacency.ts'

/** One direction of the graph in compressed sparse rows: node id → slots offsets[id] .. offsets[id + 1]. */
export interface Csr {
  offsets: Uint32Array
  neighbour: Int32Array
  edge: Int32Array
  type: Uint16Array | Uint32Array
}

/** Both directions, as built from one scan; edge weights are indexed by edge id (NaN where no edge). */
export interface CsrGraph {
  out: Csr
  in: Csr
  weight: Float64Array
  edgeCount: number
  /** Type names; a type's id is its rank in SQLite's BINARY order, so slots sort by name. */
  typeNames: string[]
  /** Edges with a negative weight: edge id → type id. */
  negative: Map<number, number>
}

/** Makes the arrays a graph keeps: on the heap, or in SharedArrayBuffers that other threads read without a copy. */
export interface ArrayMaker {
  uint32(length: number): Uint32Array
  int32(length: number): Int32Array
  uint16(length: number): Uint16Array
  float64(length: number): Float64Array
}

export const heapArrays: ArrayMaker = {
  uint32: (n) => new Uint32Array(n),
  int32: (n) => new Int32Array(n),
  uint16: (n) => new Uint16Array(n),
  float64: (n) => new Float64Array(n),
}

export const sharedArrays: ArrayMaker = {
  uint32: (n) => new Uint32Array(new SharedArrayBuffer(n * 4)),
  int32: (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
  uint16: (n) => new Uint16Array(new SharedArrayBuffer(n * 2)),
  float64: (n) => new Float64Array(new SharedArrayBuffer(n * 8)),
}

const utf8 = (text: string) => Buffer.from(text, 'utf8')
export const compareBinary = (a: string, b: string) => Buffer.compare(utf8(a), utf8(b))

/** A stable counting sort of `order` by `key[order[i]]`, keys in 0 .. range - 1. */
function sortBy(order: Int32Array, key: ArrayLike<number>, range: number): Int32Array {
  const counts = new Uint32Array(range + 1)
  for (let i = 0; i < order.length; i++) {
    const bucket = (key[order[i] as number] as number) + 1
    counts[bucket] = (counts[bucket] as number) + 1
  }
  for (let k = 1; k <= range; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number)
  const sorted = new Int32Array(order.length)
  for (let i = 0; i < order.length; i++) {
    const at = order[i] as number
    const bucket = key[at] as number
    const position = counts[bucket] as number
    counts[bucket] = position + 1
    sorted[position] = at
  }
  return sorted
}

/**
 * Slots of one direction, sorted by (from, type, to, edge id): three stable counting passes over the
 * edges in id order (measured faster than bucketing once and sorting each node's slots).
 */
function directionCsr(from: Int32Array, to: Int32Array, edgeIds: Int32Array, types: Uint32Array, typeCount: number, nodeLimit: number, make: ArrayMaker): Csr {
  const identity = new Int32Array(from.length)
  for (let i = 0; i < identity.length; i++) identity[i] = i
  const order = sortBy(sortBy(sortBy(identity, to, nodeLimit), types, typeCount), from, nodeLimit)
  const offsets = make.uint32(nodeLimit + 1)
  for (let i = 0; i < from.length; i++) {
    const next = (from[i] as number) + 1
    offsets[next] = (offsets[next] as number) + 1
  }
  for (let n = 1; n <= nodeLimit; n++) offsets[n] = (offsets[n] as number) + (offsets[n - 1] as number)
  const neighbour = make.int32(order.length)
  const edge = make.int32(order.length)
  const type = typeCount <= 0xffff ? make.uint16(order.length) : make.uint32(order.length)
  for (let s = 0; s < order.length; s++) {
    const at = order[s] as number
    neighbour[s] = to[at] as number
    edge[s] = edgeIds[at] as number
    type[s] = types[at] as number
  }
  return { offsets, neighbour, edge, type }
}

/** Builds both directions from edge rows in id order; `maxNodeId` and `maxEdgeId` size the arrays. */
export function buildCsr(rows: Iterable<AdjacencyRow>, expected: number, maxNodeId: number, maxEdgeId: number, make: ArrayMaker = heapArrays): CsrGraph {
  let capacity = Math.max(16, expected)
  let source = new Int32Array(capacity)
  let target = new Int32Array(capacity)
  let ids = new Int32Array(capacity)
  let scanTypes = new Uint32Array(capacity)
  const weight = make.float64(maxEdgeId + 1).fill(NaN)
  const scanTypeIds = new Map<string, number>()
  const scanNegative: [number, number][] = []
  let count = 0
  for (const [id, from, to, type, w] of rows) {
    if (count === capacity) {
      capacity *= 2
      source = grow(source, capacity)
      target = grow(target, capacity)
      ids = grow(ids, capacity)
      scanTypes = grow(scanTypes, capacity)
    }
    let typeId = scanTypeIds.get(type)
    if (typeId === undefined) scanTypeIds.set(type, (typeId = scanTypeIds.size))
    source[count] = from
    target[count] = to
    ids[count] = id
    scanTypes[count] = typeId
    if (id < weight.length) weight[id] = w
    if (w < 0) scanNegative.push([id, typeId])
    count++
  }
  const typeNames = [...scanTypeIds.keys()].sort(compareBinary)
  const rankOfScanId = new Uint32Array(scanTypeIds.size)
  for (const [name, scanId] of scanTypeIds) rankOfScanId[scanId] = typeNames.indexOf(name)
  const types = new Uint32Array(count)
  for (let i = 0; i < count; i++) types[i] = rankOfScanId[scanTypes[i] as number] as number
  const nodeLimit = maxNodeId + 1
  const [from, to, edgeIds] = [source.subarray(0, count), target.subarray(0, count), ids.subarray(0, count)]
  return {
    out: directionCsr(from, to, edgeIds, types, typeNames.length, nodeLimit, make),
    in: directionCsr(to, from, edgeIds, types, typeNames.length, nodeLimit, make),
    weight,
    edgeCount: count,
    typeNames,
    negative: new Map(scanNegative.map(([id, scanId]) => [id, rankOfScanId[scanId] as number])),
  }
}

function grow<T extends Int32Array | Uint32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity)
  bigger.set(array)
  return bigger
}
