import { existsSync, rmSync, statSync } from 'node:fs'

/** The -wal and -shm paths beside a database file that do not exist yet. */
export function missingSidecars(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path))
}

/** A read-only connection cannot clean up the -wal/-shm it made; leave a file as it was found. */
export function removeEmptySidecars(createdHere: string[]): void {
  const wal = createdHere.find((path) => path.endsWith('-wal'))
  if (wal && existsSync(wal) && statSync(wal).size > 0) return
  for (const path of createdHere) rmSync(path, { force: true })
}
