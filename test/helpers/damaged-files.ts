import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/index.ts'
import { backupManifest } from '../../src/shared/backup.ts'

/** The manifest file that the backup catalog reads beside a backup file. */
export const manifestPathOf = (backupFile: string) => `${backupFile}.manifest.json`

/** Writes the first `length` bytes of `bytes` to `path`. */
export function writeTruncated(path: string, bytes: Buffer, length: number): void {
  writeFileSync(path, bytes.subarray(0, length))
}

/** Writes `bytes` with the byte at `offset` XORed with `mask` (1..255, so it always changes). */
export function writeFlipped(path: string, bytes: Buffer, offset: number, mask: number): void {
  if (mask < 1 || mask > 255) throw new Error('writeFlipped: mask must be 1..255')
  const copy = Buffer.from(bytes)
  copy[offset] = (copy[offset] as number) ^ mask
  writeFileSync(path, copy)
}

/** Ten files that are not SQLite databases, some of them shaped like other formats. */
export function nonSqliteFiles(randomBytes: (n: number) => Buffer): { name: string; bytes: Buffer }[] {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)])
  const gzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(1024)])
  const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(4096)])
  return [
    { name: 'one-byte.bin', bytes: randomBytes(1) },
    { name: 'random-4k.bin', bytes: randomBytes(4096) },
    { name: 'random-64k.bin', bytes: randomBytes(65_536) },
    { name: 'notes.txt', bytes: Buffer.from('These are my notes about the graph.\n'.repeat(200)) },
    { name: 'graph.json', bytes: Buffer.from(JSON.stringify({ nodes: [{ key: 'a' }], edges: [] }, null, 2).repeat(50)) },
    { name: 'edges.csv', bytes: Buffer.from('source,target,type\n' + 'a,b,knows\n'.repeat(1000)) },
    { name: 'picture.png', bytes: png },
    { name: 'archive.gz', bytes: gzip },
    { name: 'archive.zip', bytes: zip },
    // The magic string without its closing NUL, then page-sized filler: close to SQLite, still not it.
    { name: 'almost-sqlite.db', bytes: Buffer.concat([Buffer.from('SQLite format 3!', 'latin1'), randomBytes(8192)]) },
  ]
}

/** A SQLite database of another application: its own tables and rows, and `applicationId` (0 means unset). */
export function writeForeignDatabase(path: string, applicationId: number): void {
  const db = new Database(path)
  try {
    db.pragma(`application_id = ${applicationId}`)
    db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT, total REAL); INSERT INTO invoices (customer, total) VALUES ('ACME', 12.5), ('Initech', 99);")
    db.exec('CREATE TABLE nodes (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE edges (a INTEGER, b INTEGER);')
  } finally {
    db.close()
  }
}

/** A copy of a sealed (rollback-journal) backup whose user_version says a newer GraphKeep wrote it. */
export function writeNewerSchemaCopy(source: string, path: string): number {
  copyFileSync(source, path)
  const version = LATEST_SCHEMA_VERSION + 1
  const db = new Database(path, { fileMustExist: true })
  try {
    db.pragma(`user_version = ${version}`)
  } finally {
    db.close()
  }
  return version
}

/** Rewrites fields of the manifest beside `backupFile`, checked against the manifest schema. */
export function editManifest(backupFile: string, patch: Record<string, unknown>): void {
  const path = manifestPathOf(backupFile)
  const edited = backupManifest.parse({ ...JSON.parse(readFileSync(path, 'utf8')), ...patch })
  writeFileSync(path, JSON.stringify(edited, null, 2))
}
