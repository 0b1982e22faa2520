import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

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
