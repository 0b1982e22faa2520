import { rmSync } from 'node:fs'
import type { Db } from '../db.ts'
import { attachScratch, detachScratch } from '../repos/import-staging.ts'
import { withSmallPageCache } from '../repos/pragmas.ts'

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
  try {
    // Mapped pages of a store being filled count as this process's memory; read through the OS page cache meanwhile.
    return await withSmallPageCache(db, IMPORT_CACHE_KIB, () => run(db))
  } finally {
    detachScratch(db)
    remove(file)
  }
}
