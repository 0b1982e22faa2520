import type { MetricBlobs } from '../repos/metric-runs.ts'
import { firstAtOrBelow, indexOfId, rankedOrder } from './ranking.ts'

/** A run's values as the reads use them. */
export interface RunValues {
  /** Node ids, ascending. */
  ids: Int32Array
  /** values[i] belongs to ids[i]. */
  values: Float64Array
  /** Positions from the highest value to the lowest (ranks and range bounds are binary searches through it). */
  ranked: Int32Array
}

const bytesOf = (array: Int32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength)

export function encodeValues(ids: Int32Array, values: Float64Array): MetricBlobs {
  return { nodeIds: bytesOf(ids), values: bytesOf(values), ranked: bytesOf(rankedOrder(values)) }
}

/**
 * Views of the blobs as typed arrays: a large blob has a buffer of its own and is used in place; a
 * small one may sit unaligned in a shared pool, and is copied (typed arrays need aligned offsets).
 */
export function decodeValues(blobs: MetricBlobs): RunValues {
  const view = <T extends Int32Array | Float64Array>(blob: Buffer, Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }): T => {
    const size = Type.BYTES_PER_ELEMENT
    if (blob.byteOffset % size === 0 && blob.buffer instanceof ArrayBuffer) return new Type(blob.buffer, blob.byteOffset, blob.byteLength / size)
    const copy = new ArrayBuffer(blob.byteLength)
    new Uint8Array(copy).set(blob)
    return new Type(copy, 0, blob.byteLength / size)
  }
  return { ids: view(blobs.nodeIds, Int32Array), values: view(blobs.values, Float64Array), ranked: view(blobs.ranked, Int32Array) }
}

/** A node's value and rank (1 for the highest; equal values share the better rank), or null if the run did not cover it. */
export function valueOfNode(run: RunValues, nodeId: number): { value: number; rank: number } | null {
  const at = indexOfId(run.ids, nodeId)
  if (at < 0) return null
  const value = run.values[at]!
  return { value, rank: firstAtOrBelow(run, value) + 1 }
}

/** Decoded runs kept for the next page (a few, since a million-node run holds about 24 MB). */
export class RunValuesCache {
  private readonly runs = new Map<number, RunValues>()
  private readonly capacity: number

  constructor(capacity = 6) {
    this.capacity = capacity
  }

  get(runId: number, load: () => MetricBlobs | undefined): RunValues | undefined {
    const cached = this.runs.get(runId)
    if (cached) {
      this.runs.delete(runId)
      this.runs.set(runId, cached)
      return cached
    }
    const blobs = load()
    if (!blobs) return undefined
    const run = decodeValues(blobs)
    this.runs.set(runId, run)
    if (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value as number)
    return run
  }

  forget(runId: number): void {
    this.runs.delete(runId)
  }
}
