import { MAX_DIMENSIONS } from '../../../../../shared/embeddings.ts'

/*
 * The .npy format (numpy's NEP 1): the magic "\x93NUMPY", a version (1.0: a 2-byte header length;
 * 2.0 and 3.0: 4 bytes), then a Python dict literal such as
 * {'descr': '<f4', 'fortran_order': False, 'shape': (1000, 384), } padded with spaces to a multiple
 * of 64 bytes, then the array's bytes. numpy's own header is this regular, so a few patterns read it;
 * no registry package both streams a large file and writes one (npyjs reads whole buffers only).
 */
export const NPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])
/** Enough for any header numpy writes for a 2-D array. */
export const NPY_HEADER_PROBE = 4096

export interface NpyHeader {
  /** Bytes per value: 4 (float32) or 8 (float64). */
  itemSize: 4 | 8
  littleEndian: boolean
  rows: number
  dim: number
  /** Where the values start. */
  dataOffset: number
}

/** A header, or the one-line reason it is not a 2-D float32/float64 array in C order. */
export function parseNpyHeader(head: Buffer): NpyHeader | { problem: string } {
  if (head.length < 10 || !head.subarray(0, 6).equals(NPY_MAGIC)) return { problem: 'it is not a .npy file (it does not start with \\x93NUMPY)' }
  const major = head[6] as number
  if (major < 1 || major > 3) return { problem: `its .npy version ${major}.${head[7]} is not one GraphKeep reads (1.0, 2.0 or 3.0)` }
  const lengthBytes = major === 1 ? 2 : 4
  const headerLength = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8)
  const dataOffset = 8 + lengthBytes + headerLength
  if (dataOffset > head.length) return { problem: 'its header is cut short or too long' }
  const text = head.toString(major === 3 ? 'utf8' : 'latin1', 8 + lengthBytes, dataOffset)
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text)?.[1]
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1]
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1]
  if (descr === undefined || fortran === undefined || shapeText === undefined) return { problem: 'its header lacks a plain descr, fortran_order or shape (a structured array?)' }
  const dtype = /^([<>|=])f([48])$/.exec(descr)
  if (!dtype || dtype[1] === '|') return { problem: `its values are of dtype "${descr.slice(0, 20)}"; GraphKeep reads float32 ("<f4") or float64 ("<f8")` }
  if (fortran === 'True') return { problem: 'it is in Fortran (column-major) order; save it in C order (numpy.ascontiguousarray)' }
  const shape = shapeText.split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (shape.length !== 2 || !shape.every((part) => /^\d+$/.test(part))) {
    return { problem: `its shape is (${shape.join(', ')}); GraphKeep reads a 2-D array, one row per node (rows × dimension)` }
  }
  const [rows, dim] = shape.map(Number) as [number, number]
  if (dim < 1 || dim > MAX_DIMENSIONS) return { problem: `its rows have ${dim} values; a vector has 1 to ${MAX_DIMENSIONS}` }
  // '=' is the machine's own order; every machine GraphKeep runs on is little-endian.
  return { itemSize: dtype[2] === '4' ? 4 : 8, littleEndian: dtype[1] !== '>', rows, dim, dataOffset }
}

/** A version 1.0 header for rows × dim little-endian float32 values in C order, padded to 64 bytes. */
export function npyHeader(rows: number, dim: number): Buffer {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${dim}), }`
  const unpadded = 10 + dict.length + 1
  const text = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n'
  const length = Buffer.alloc(2)
  length.writeUInt16LE(text.length)
  return Buffer.concat([NPY_MAGIC, Buffer.from([1, 0]), length, Buffer.from(text, 'latin1')])
}
