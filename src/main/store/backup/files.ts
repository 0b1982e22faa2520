import { createHash } from 'node:crypto'
import { closeSync, createReadStream, fsyncSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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

function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags)
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export const fsyncFile = (path: string) => fsyncPath(path, 'r+')

/** Makes a rename or a new file in this folder durable. */
export const fsyncFolder = (folder: string) => fsyncPath(folder, 'r')

/** Writes a file under a temporary name, syncs it, renames it into place and syncs the folder. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp`
  try {
    writeFileSync(temporary, text)
    fsyncFile(temporary)
  } catch (error) {
    // A full disk must not keep a half-written file that nothing lists or removes.
    rmSync(temporary, { force: true })
    throw error
  }
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
