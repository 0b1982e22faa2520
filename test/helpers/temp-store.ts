import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach } from 'vitest'
import { openStore, type GraphStore, type OpenStoreOptions } from '../../src/main/store/index.ts'

/** A fresh temp folder for each test in the calling file, removed after it. Call at module level. */
export function useTempDir(prefix = 'graphkeep-test-'): () => string {
  let dir: string | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })
  return () => {
    if (!dir) throw new Error('useTempDir: only inside a test')
    return dir
  }
}

/** A store in a fresh temp folder per test; `file()` is its path, `store()` the open store (closed after the test). */
export function useTempStore(options: Omit<OpenStoreOptions, 'file'> = {}): { dir: () => string; file: () => string; store: () => GraphStore } {
  const dir = useTempDir('graphkeep-store-')
  let store: GraphStore | undefined
  beforeEach(() => {
    store = openStore({ ...options, file: join(dir(), 'graph.db') })
  })
  afterEach(() => {
    store?.close()
    store = undefined
  })
  return {
    dir,
    file: () => join(dir(), 'graph.db'),
    store: () => {
      if (!store) throw new Error('useTempStore: only inside a test')
      return store
    },
  }
}

export const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The names in a folder, sorted: shows a -wal or -shm left behind. */
export const filesIn = (dir: string) => readdirSync(dir).sort()

/** Runs `read` on a plain better-sqlite3 connection to a closed store file, then closes it. */
export function withRawDb<T>(file: string, read: (db: Database.Database) => T): T {
  if (!existsSync(file)) throw new Error(`withRawDb: no file ${file}`)
  const db = new Database(file, { fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export const countRows = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
