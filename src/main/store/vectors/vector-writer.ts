import { randomInt } from 'node:crypto'
import type { Db } from '../db.ts'
import {
  createModel, deleteSlot, findModel, findSlot, lowestFreePosition, nextPosition, putSlot, readChunk, writeChunk, type ModelRow,
} from '../repos/embeddings.ts'

/** About 128 KB per chunk: its overflow pages are all full, and one changed vector rewrites only this much. */
const CHUNK_BYTES = 128 * 1024
export const chunkSizeFor = (dim: number) => Math.max(1, Math.min(4096, Math.floor(CHUNK_BYTES / (dim * 4))))

const newStamp = () => randomInt(1, 2 ** 47)

/**
 * Writes vectors inside one transaction of the caller's: slots at once, the chunks they touch once
 * each at `flush()` (a chunk holds ~85 vectors of 384 dimensions; writing it per vector would cost
 * 85 times the bytes). Use one writer per transaction and flush before it commits.
 */
export class VectorWriter {
  private readonly chunks = new Map<string, { model: ModelRow; chunk: number; values: Float32Array }>()
  private readonly db: Db
  private readonly now: number

  constructor(db: Db, now: number) {
    this.db = db
    this.now = now
  }

  /** The model by name; created with this dimension when it does not exist yet and `dimIfNew` is given. */
  model(name: string, dimIfNew?: number): ModelRow | undefined {
    const found = findModel(this.db, name)
    if (found || dimIfNew === undefined) return found
    return createModel(this.db, name, dimIfNew, chunkSizeFor(dimIfNew), this.now)
  }

  /** Stores a unit vector (already checked and normalised) of a node, with the length it had. */
  put(model: ModelRow, nodeId: number, unit: Float32Array, norm: number): void {
    const slot = findSlot(this.db, model.id, nodeId)
    const position = slot?.position ?? lowestFreePosition(this.db, model.id) ?? nextPosition(this.db, model.id)
    putSlot(this.db, model.id, nodeId, { position, norm, stamp: newStamp() })
    const values = this.chunkValues(model, Math.floor(position / model.chunk_size))
    values.set(unit, (position % model.chunk_size) * model.dim)
  }

  /** A node's vector of this model as this writer sees it (its own puts included), a copy; undefined when it has none. */
  current(model: ModelRow, nodeId: number): { unit: Float32Array; norm: number } | undefined {
    const slot = findSlot(this.db, model.id, nodeId)
    if (!slot) return undefined
    const offset = (slot.position % model.chunk_size) * model.dim
    return { unit: this.chunkValues(model, Math.floor(slot.position / model.chunk_size)).slice(offset, offset + model.dim), norm: slot.norm }
  }

  /** Removes a node's vector of this model; its position is freed for the next one. */
  remove(model: ModelRow, nodeId: number): boolean {
    return deleteSlot(this.db, model.id, nodeId)
  }

  flush(): void {
    for (const { model, chunk, values } of this.chunks.values()) {
      writeChunk(this.db, model.id, chunk, new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
    }
    this.chunks.clear()
  }

  private chunkValues(model: ModelRow, chunk: number): Float32Array {
    const id = `${model.id}:${chunk}`
    let entry = this.chunks.get(id)
    if (!entry) {
      const values = new Float32Array(model.chunk_size * model.dim)
      const stored = readChunk(this.db, model.id, chunk)
      if (stored) values.set(new Float32Array(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength)))
      entry = { model, chunk, values }
      this.chunks.set(id, entry)
    }
    return entry.values
  }
}
