import type { MetricBlobs } from '../repos/metric-runs.ts'
import { firstAtOrBelow, indexOfId, rankedOrder } from './ranking.ts'

/** A run's values as the reads use them. */
export interface RunValues {
  /** Node ids, ascending. */
  ids: Int32Array
  /** values[i] belongs to ids[i]. */
  values: Float64Array
  /** Positions from the highest value to the lowest. */
  ranked: Int32Array
  /** The values in ranked order (descending), for ranks and range bounds by binary search. */
  sorted: Float64Array
}

const bytesOf = (array: Int32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength)

export function encodeValues(ids: Int32Array, values: Float64Array): MetricBlobs {
  return { nodeIds: bytesOf(ids), values: bytesOf(values), ranked: bytesOf(rankedOrder(values)) }
}

/** Copies out of the blobs (their buffers are not 8-byte aligned, and typed arrays need that). */
export function decodeValues(blobs: MetricBlobs): RunValues {
  const copy = (blob: Buffer) => {
    const buffer = new ArrayBuffer(blob.byteLength)
    new Uint8Array(buffer).set(blob)
    return buffer
  }
  const ids = new Int32Array(copy(blobs.nodeIds))
  const values = new Float64Array(copy(blobs.values))
  const ranked = new Int32Array(copy(blobs.ranked))
  const sorted = new Float64Array(ranked.length)
  for (let r = 0; r < ranked.length; r++) sorted[r] = values[ranked[r]!]!
  return { ids, values, ranked, sorted }
}

/** A node's value and rank (1 for the highest; equal values share the better rank), or null if the run did not cover it. */
export function valueOfNode(run: RunValues, nodeId: number): { value: number; rank: number } | null {
  const at = indexOfId(run.ids, nodeId)
  if (at < 0) return null
  const value = run.values[at]!
  return { value, rank: firstAtOrBelow(run.sorted, value) + 1 }
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
