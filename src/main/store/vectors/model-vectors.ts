import type { Db } from '../db.ts'
import { allChunks, allSlots, findModel, modelVersion, readChunk, type ModelRow } from '../repos/embeddings.ts'
import { quantizeScaled, sharedScale } from './quantize.ts'

/**
 * One model's vectors in memory, by position: unit float32 vectors in one contiguous buffer, an
 * int8 copy for the first pass (one scale for all, see quantize.ts), the node id at each position
 * (0: free) and the stamp of its last write. Kept current by comparing the model's version, and then the stamps, with the store.
 */
export interface ModelVectors {
  readonly modelId: number
  readonly name: string
  readonly dim: number
  readonly chunkSize: number
  version: number
  /** Positions in use or freed: the arrays below are at least this long (times dim). */
  length: number
  count: number
  nodeIds: Float64Array
  stamps: Float64Array
  data: Float32Array
  int8: Int8Array
  /** The int8 copies' shared scale; 0 until the model's first vectors are there to choose it. */
  int8Scale: number
  /** Per position: how far the int8 copy (divided by the scale) is from the vector (see quantize.ts). */
  error: Float32Array
  maxError: number
  positionOf: Map<number, number>
}

/** What a refresh found changed: positions to (re)index, and node ids whose vectors are gone or moved. */
export interface VectorChanges {
  upserted: number[]
  removed: number[]
  reloaded: boolean
}

/** Where a load puts its arrays: private memory, or SharedArrayBuffers that every reader uses without copying. */
export type ArrayMemory = 'private' | 'shared'

function allocate(model: ModelRow, capacity: number, memory: ArrayMemory): ModelVectors {
  const bytes = (n: number) => (memory === 'shared' ? new SharedArrayBuffer(n) : new ArrayBuffer(n))
  const dim = model.dim
  return {
    modelId: model.id, name: model.name, dim, chunkSize: model.chunk_size, version: model.version,
    length: 0, count: 0,
    nodeIds: new Float64Array(bytes(capacity * 8)), stamps: new Float64Array(bytes(capacity * 8)),
    data: new Float32Array(bytes(capacity * dim * 4)), int8: new Int8Array(bytes(capacity * dim)), int8Scale: 0,
    error: new Float32Array(bytes(capacity * 4)), maxError: 0, positionOf: new Map(),
  }
}

function grow(vectors: ModelVectors, length: number): void {
  if (length <= vectors.nodeIds.length) return
  const capacity = Math.max(length, Math.ceil(vectors.nodeIds.length * 1.5), 64)
  const { dim } = vectors
  const widen = <T extends Float64Array | Float32Array | Int8Array>(old: T, make: (n: number) => T, n: number): T => {
    const next = make(n)
    next.set(old)
    return next
  }
  vectors.nodeIds = widen(vectors.nodeIds, (n) => new Float64Array(n), capacity)
  vectors.stamps = widen(vectors.stamps, (n) => new Float64Array(n), capacity)
  vectors.error = widen(vectors.error, (n) => new Float32Array(n), capacity)
  vectors.data = widen(vectors.data, (n) => new Float32Array(n), capacity * dim)
  vectors.int8 = widen(vectors.int8, (n) => new Int8Array(n), capacity * dim)
}

/** A chunk's floats: a view when its bytes sit on a 4-byte boundary (as they normally do), else a copy. */
function floatsOf(bytes: Buffer): Float32Array {
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2)
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
}

/** Copies a chunk's vectors in (all of them, or these positions); returns the positions in use it copied. */
function copyChunk(vectors: ModelVectors, chunk: number, bytes: Buffer, positions: readonly number[] | null): number[] {
  const { dim, chunkSize } = vectors
  const floats = floatsOf(bytes)
  const first = chunk * chunkSize
  const copied: number[] = []
  if (positions === null) {
    const count = Math.max(0, Math.min(chunkSize, vectors.length - first, Math.floor(floats.length / dim)))
    // One copy for the whole chunk: a free position's values are never read.
    vectors.data.set(floats.subarray(0, count * dim), first * dim)
    for (let position = first; position < first + count; position++) if (vectors.nodeIds[position] !== 0) copied.push(position)
    return copied
  }
  for (const position of positions) {
    if (position >= vectors.length || vectors.nodeIds[position] === 0) continue
    vectors.data.set(floats.subarray((position - first) * dim, (position - first + 1) * dim), position * dim)
    copied.push(position)
  }
  return copied
}

/** Makes the int8 copies of these positions; the first vectors of a model choose its scale. */
export function quantizePositions(vectors: ModelVectors, positions: readonly number[]): void {
  const { dim } = vectors
  if (vectors.int8Scale === 0 && positions.length > 0) vectors.int8Scale = sharedScale(vectors.data, vectors.length, dim)
  for (const position of positions) {
    const error = quantizeScaled(vectors.data, position * dim, dim, vectors.int8Scale, vectors.int8, position * dim)
    vectors.error[position] = error
    if (error > vectors.maxError) vectors.maxError = error
  }
}

/** Reads a model's vectors from the store into memory. */
export function loadModelVectors(db: Db, model: ModelRow, memory: ArrayMemory = 'private'): ModelVectors {
  const slots = allSlots(db, model.id)
  const length = slots.length ? (slots[slots.length - 1] as [number, number, number])[0] + 1 : 0
  const vectors = allocate(model, length, memory)
  vectors.length = length
  for (const [position, nodeId, stamp] of slots) {
    vectors.nodeIds[position] = nodeId
    vectors.stamps[position] = stamp
    vectors.positionOf.set(nodeId, position)
  }
  vectors.count = slots.length
  const copied: number[] = []
  for (const [chunk, bytes] of allChunks(db, model.id)) for (const position of copyChunk(vectors, chunk, bytes, null)) copied.push(position)
  quantizePositions(vectors, copied)
  return vectors
}

/**
 * Brings an in-memory copy up to the store's state, reading only the chunks whose vectors changed.
 * Returns null when the model no longer exists (or was replaced by one of the same name).
 */
export function refreshModelVectors(db: Db, vectors: ModelVectors): VectorChanges | null {
  const version = modelVersion(db, vectors.modelId)
  if (version === undefined) return null
  const changes: VectorChanges = { upserted: [], removed: [], reloaded: false }
  if (version === vectors.version) return changes
  const slots = allSlots(db, vectors.modelId)
  const length = slots.length ? (slots[slots.length - 1] as [number, number, number])[0] + 1 : 0
  grow(vectors, length)
  const seen = new Uint8Array(Math.max(length, vectors.length))
  const changedChunks = new Map<number, number[]>()
  for (const [position, nodeId, stamp] of slots) {
    seen[position] = 1
    const before = position < vectors.length ? (vectors.nodeIds[position] as number) : 0
    if (before === nodeId && vectors.stamps[position] === stamp) continue
    if (before !== 0 && before !== nodeId) {
      changes.removed.push(before)
      if (vectors.positionOf.get(before) === position) vectors.positionOf.delete(before)
    }
    vectors.nodeIds[position] = nodeId
    vectors.stamps[position] = stamp
    vectors.positionOf.set(nodeId, position)
    changes.upserted.push(position)
    const chunk = Math.floor(position / vectors.chunkSize)
    const inChunk = changedChunks.get(chunk)
    if (inChunk) inChunk.push(position)
    else changedChunks.set(chunk, [position])
  }
  for (let position = 0; position < vectors.length; position++) {
    const nodeId = vectors.nodeIds[position] as number
    if (seen[position] || nodeId === 0) continue
    changes.removed.push(nodeId)
    if (vectors.positionOf.get(nodeId) === position) vectors.positionOf.delete(nodeId)
    vectors.nodeIds[position] = 0
    vectors.stamps[position] = 0
  }
  vectors.length = Math.max(length, vectors.length)
  vectors.count = slots.length
  const copied: number[] = []
  for (const [chunk, positions] of changedChunks) {
    const bytes = readChunk(db, vectors.modelId, chunk)
    if (bytes) for (const position of copyChunk(vectors, chunk, bytes, positions)) copied.push(position)
  }
  quantizePositions(vectors, copied)
  vectors.version = version
  return changes
}

/** The model's current row, or undefined: a cache entry for a name checks this is still the same model. */
export const currentModel = (db: Db, name: string) => findModel(db, name)

/** A copy of its own, before a reader changes vectors that other readers share. */
export function privateCopy(vectors: ModelVectors): ModelVectors {
  return {
    ...vectors, nodeIds: vectors.nodeIds.slice(), stamps: vectors.stamps.slice(), data: vectors.data.slice(),
    int8: vectors.int8.slice(), error: vectors.error.slice(), positionOf: new Map(vectors.positionOf),
  }
}
