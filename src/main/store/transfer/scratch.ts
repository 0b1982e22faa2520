import { rmSync } from 'node:fs'
import type { Db } from '../db.ts'
import { attachScratch, detachScratch } from '../repos/import-staging.ts'

/** The page cache while an import runs: memory must not grow with the file (peak RSS target 300 MB with host and worker). */
const IMPORT_CACHE_KIB = 16 * 1024

const scratchFile = (storeFile: string) => `${storeFile}.import-scratch`

function remove(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

/** Runs an import step with its scratch database attached beside the store, and removes it afterwards. */
export async function withScratch<T>(db: Db, storeFile: string, run: (db: Db) => Promise<T>): Promise<T> {
  const file = scratchFile(storeFile)
  detachScratch(db)
  remove(file)
  attachScratch(db, file)
  // Mapped pages of a store being filled count as this process's memory; read through the OS page cache meanwhile.
  const mmapSize = db.pragma('mmap_size', { simple: true }) as number
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('mmap_size = 0')
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
  try {
    return await run(db)
  } finally {
    db.pragma(`mmap_size = ${Number(mmapSize)}`)
    db.pragma(`cache_size = ${Number(cacheSize)}`)
    detachScratch(db)
    remove(file)
  }
}
