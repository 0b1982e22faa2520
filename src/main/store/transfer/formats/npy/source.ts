import { open } from 'node:fs/promises'
import { GraphKeepError } from '../../../../../shared/errors.ts'
import { NPY_HEADER_PROBE, parseNpyHeader, type NpyHeader } from './header.ts'
import { readKeyList } from './keys.ts'

export interface NpySource {
  path: string
  header: NpyHeader
  /** Present when a key list was given (an inspection may come before it). */
  keys?: string[]
}

const refuse = (path: string, problem: string): never => {
  throw new GraphKeepError('VALIDATION', `${path}: ${problem}`, { path, problem })
}

/**
 * A .npy file checked as a whole before any row is read: a 2-D float32/float64 array in C order, of
 * the size its header says, and (when given) a key list with one key per row. Anything else is a
 * VALIDATION error, so that an import of it writes nothing.
 */
export async function openNpySource(path: string, keysPath: string | undefined): Promise<NpySource> {
  const file = await open(path, 'r')
  let header: NpyHeader | { problem: string }
  let size: number
  try {
    size = (await file.stat()).size
    const probe = Buffer.alloc(Math.min(NPY_HEADER_PROBE, size))
    await file.read(probe, 0, probe.length, 0)
    header = parseNpyHeader(probe)
  } finally {
    await file.close()
  }
  if ('problem' in header) return refuse(path, header.problem)
  const expected = header.dataOffset + header.rows * header.dim * header.itemSize
  if (size !== expected) {
    refuse(path, `its shape (${header.rows}, ${header.dim}) of float${header.itemSize * 8} needs ${expected} bytes, the file has ${size} (${size < expected ? 'cut short' : 'extra bytes at the end'})`)
  }
  if (keysPath === undefined) return { path, header }
  const keys = readKeyList(keysPath)
  if (keys.length !== header.rows) {
    refuse(path, `the key list ${keysPath} has ${keys.length} keys, the array has ${header.rows} rows: one key per row, in row order`)
  }
  return { path, header, keys }
}
