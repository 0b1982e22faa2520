import { open } from 'node:fs/promises'
import { GraphKeepError } from '../../../../../shared/errors.ts'
import type { FormatReader, ImportRecord } from '../types.ts'
import { openNpySource } from './source.ts'

/** About this many bytes of rows per chunk of records. */
const CHUNK_BYTES = 4 << 20

/** One row's values as a typed array of its own, in the machine's (little-endian) order. */
function rowValues(bytes: ArrayBuffer, offset: number, dim: number, itemSize: 4 | 8, littleEndian: boolean): Float32Array | Float64Array {
  if (littleEndian) return itemSize === 4 ? new Float32Array(bytes, offset, dim) : new Float64Array(bytes, offset, dim)
  const view = new DataView(bytes, offset, dim * itemSize)
  const out = itemSize === 4 ? new Float32Array(dim) : new Float64Array(dim)
  for (let i = 0; i < dim; i++) out[i] = itemSize === 4 ? view.getFloat32(i * 4, false) : view.getFloat64(i * 8, false)
  return out
}

/**
 * A .npy array with its key list: row i (1-based, as the key list's line i) is the vector of the
 * node keyed keys[i] for the request's model. Its values (NaN, all zeros, beyond float32) are
 * checked where vectors are stored, each problem naming its row; the file as a whole is checked first.
 */
export const readNpy: FormatReader = async function* (input) {
  const { path, keysPath, model } = input
  if (path === undefined || keysPath === undefined || model === undefined) {
    throw new GraphKeepError('VALIDATION', 'a .npy import needs the array file, a key list (one key per row) and a model name', { path, keysPath, model })
  }
  const { header, keys } = await openNpySource(path, keysPath)
  const { rows, dim, itemSize, littleEndian, dataOffset } = header
  const rowBytes = dim * itemSize
  const rowsPerChunk = Math.max(1, Math.min(5000, Math.floor(CHUNK_BYTES / rowBytes)))
  const file = await open(path, 'r')
  try {
    for (let first = 0; first < rows; first += rowsPerChunk) {
      input.signal.throwIfAborted()
      const count = Math.min(rowsPerChunk, rows - first)
      // A fresh buffer per chunk: the records keep views into it until they are written.
      const bytes = new ArrayBuffer(count * rowBytes)
      const { bytesRead } = await file.read(new Uint8Array(bytes), 0, bytes.byteLength, dataOffset + first * rowBytes)
      if (bytesRead !== bytes.byteLength) throw new GraphKeepError('VALIDATION', `${path}: the file changed while it was read`, { path })
      const records: ImportRecord[] = []
      for (let i = 0; i < count; i++) {
        const row = first + i
        records.push({ kind: 'embedding', file: path, line: row + 1, key: (keys as string[])[row] as string, model, vector: rowValues(bytes, i * rowBytes, dim, itemSize, littleEndian) })
      }
      input.onBytes?.(dataOffset + (first + count) * rowBytes)
      yield records
    }
  } finally {
    await file.close()
  }
}
