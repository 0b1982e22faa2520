import { readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fsyncFile, fsyncFolder } from '../backup/files.ts'

// The files of an import into a new store file: built beside the store as `<store>.importing-<pid>`,
// synced, then renamed over the store. Until the rename the store is untouched; a file left by a
// process that died is deleted at the next open (the opener holds the store's lock, so no import runs).

const IMPORTING = '.importing-'

export const importingFileOf = (storeFile: string) => `${storeFile}${IMPORTING}${process.pid}`

/** Deletes every import file left beside the store (and an in-place import's scratch file); their names. */
export function removeLeftoverImports(storeFile: string): string[] {
  const folder = dirname(storeFile)
  const prefixes = [basename(storeFile) + IMPORTING, `${basename(storeFile)}.import-scratch`]
  let names: string[]
  try {
    names = readdirSync(folder).filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
  } catch {
    return []
  }
  for (const name of names) rmSync(join(folder, name), { force: true })
  return names
}

/** Deletes an import file that will not be swapped in (with any journal SQLite left beside it). */
export function removeImportingFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

/**
 * Puts a closed, complete import file in place of the store, whose connections must all be closed:
 * the file is synced, the store's empty -wal and -shm go (an old WAL must never be replayed onto the new
 * file), the rename replaces the store in one step, and the folder is synced so that the rename lasts.
 */
export function swapInImportedFile(storeFile: string, file: string): void {
  fsyncFile(file)
  rmSync(`${storeFile}-wal`, { force: true })
  rmSync(`${storeFile}-shm`, { force: true })
  renameSync(file, storeFile)
  fsyncFolder(dirname(storeFile))
}
