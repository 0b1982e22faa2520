import { createHash } from 'node:crypto'
import { closeSync, createReadStream, fstatSync, fsyncSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'

/** The same as fsyncFile without blocking the thread, so the worker keeps answering meanwhile. */
export async function fsyncFileAsync(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename or a new file in this folder durable. */
export function fsyncFolder(folder: string): void {
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Writes a file under a temporary name, syncs it, renames it into place and syncs the folder. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp`
  writeFileSync(temporary, text)
  fsyncFile(temporary)
  renameSync(temporary, path)
  fsyncFolder(dirname(path))
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * What the 100-byte database header says about the file's shape: null when it is not a SQLite
 * header; otherwise a problem when the file's length disagrees with it (a truncated copy).
 */
export function checkSqliteShape(path: string): { isSqlite: false } | { isSqlite: true; problem: string | null } {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(100)
    if (readSync(fd, header, 0, 100, 0) < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return { isSqlite: false }
    const raw = header.readUInt16BE(16)
    const pageSize = raw === 1 ? 65536 : raw
    const size = fstatSync(fd).size
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { isSqlite: true, problem: `the header names an impossible page size (${raw})` }
    if (size % pageSize !== 0) return { isSqlite: true, problem: `the file ends inside a page (${size} bytes, pages of ${pageSize})` }
    // The page count in the header is valid when its version-valid-for number matches the change counter.
    const pages = header.readUInt32BE(28)
    if (header.readUInt32BE(92) === header.readUInt32BE(24) && pages * pageSize !== size) {
      return { isSqlite: true, problem: `the header says ${pages} pages, the file holds ${size / pageSize}` }
    }
    return { isSqlite: true, problem: null }
  } finally {
    closeSync(fd)
  }
}

/** The same digest without yielding, for the synchronous pre-migration backup. */
export function sha256OfFileSync(path: string): string {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.alloc(1 << 20)
    let read: number
    while ((read = readSync(fd, chunk, 0, chunk.length, null)) > 0) hash.update(chunk.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}
