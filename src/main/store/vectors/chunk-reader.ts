import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { readChunk } from '../repos/embeddings.ts'

export interface StoredSlot {
  model_id: number
  dim: number
  chunk_size: number
  position: number
  norm: number
}

/** Reads stored vectors back as they were given (unit vector times norm), reading each chunk once in a row. */
export class ChunkReader {
  private last: { model: number; chunk: number; floats: Float32Array } | null = null
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  vector(slot: StoredSlot): number[] {
    const chunk = Math.floor(slot.position / slot.chunk_size)
    if (!this.last || this.last.model !== slot.model_id || this.last.chunk !== chunk) {
      const bytes = readChunk(this.db, slot.model_id, chunk)
      if (!bytes) throw new GraphKeepError('INTERNAL', 'a stored vector chunk is missing')
      this.last = { model: slot.model_id, chunk, floats: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) }
    }
    const from = (slot.position % slot.chunk_size) * slot.dim
    return Array.from(this.last.floats.subarray(from, from + slot.dim), (x) => Math.fround(x * slot.norm))
  }
}
