import { statSync } from 'node:fs'

/** Sizes come from stat alone: opening the live store file through fs would drop SQLite's locks on close. */
const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0

export function storeFileSizes(file: string): { fileBytes: number; walBytes: number } {
  return { fileBytes: sizeOf(file), walBytes: sizeOf(`${file}-wal`) }
}

export function storeBytes(file: string): number {
  const { fileBytes, walBytes } = storeFileSizes(file)
  return fileBytes + walBytes
}
