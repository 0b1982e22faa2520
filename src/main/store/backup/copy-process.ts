import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

// Absolute, so that no other `cp` on the PATH is run; present on Linux and macOS alike.
export const CP = '/bin/cp'

// The copy is read back (from the page cache) in chunks this big as cp writes it, and handed to the disk every SYNC_BYTES.
const CHUNK = 4 << 20
const SYNC_BYTES = 64 << 20
const IDLE_MS = 10

/** Changes made to the copy's first bytes as they are read: the checksum is of the file as it will be kept. */
export interface HeaderPatch {
  /** Bytes from the start of the file the patch needs before it can be applied. */
  length: number
  apply: (head: Buffer) => void
}

/** An error with the errno-like code that asNoRoom and the callers read. */
function copyFailure(stderr: string, exitCode: number | null): Error {
  const code = /No space left|quota/i.test(stderr) ? 'ENOSPC' : 'ECOPY'
  return Object.assign(new Error(`cp failed (${exitCode}): ${stderr.trim()}`), { code })
}

function runCp(source: string, destination: string): Promise<void> {
  const child = spawn(CP, ['--', source, destination], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode) => (exitCode === 0 ? resolve() : reject(copyFailure(stderr, exitCode))))
  })
}

/**
 * Reads what cp has written so far (below the file's size, which the kernel moves only past written
 * data), hashing it with the header patched, syncing it every SYNC_BYTES, until cp is done and all is read.
 */
async function follow(output: FileHandle, copied: () => boolean, patch: HeaderPatch, onBytes: (bytes: number) => void) {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(CHUNK)
  let position = 0
  let synced = 0
  let head: Buffer | null = null
  for (;;) {
    const done = copied()
    const { size } = await output.stat()
    const wanted = position === 0 && !done ? patch.length : 1
    if (size - position < wanted) {
      if (done) break
      await sleep(IDLE_MS)
      continue
    }
    const { bytesRead } = await output.read(chunk, 0, Math.min(CHUNK, size - position), position)
    const part = chunk.subarray(0, bytesRead)
    if (position === 0) {
      head = Buffer.from(part.subarray(0, patch.length))
      patch.apply(part)
    }
    hash.update(part)
    position += bytesRead
    onBytes(position)
    if (position - synced >= SYNC_BYTES) {
      synced = position
      await output.datasync()
    }
  }
  return { sha256: hash.digest('hex'), head, bytes: position }
}

/** The copy's first bytes, as read before the patch, patched and written back. */
async function writePatched(output: FileHandle, head: Buffer | null, patch: HeaderPatch): Promise<void> {
  if (!head) return
  patch.apply(head)
  await output.write(head, 0, head.length, 0)
}

/** The patch written into a finished copy, then its checksum read in one more pass. */
async function checksumAfterwards(destination: string, patch: HeaderPatch, onBytes: (bytes: number) => void): Promise<string> {
  const output = await open(destination, 'r+')
  try {
    const { sha256, head, bytes } = await follow(output, () => true, patch, onBytes)
    await writePatched(output, head, patch)
    onBytes(bytes)
    return sha256
  } finally {
    await output.close()
  }
}

/**
 * Copies `source` to `destination` with the system's `cp` (copy_file_range, or a reflink where the
 * file system has them) in a child process: the live store must not be opened through fs in this
 * process, whose closing the handle would drop every SQLite lock the process holds on the file.
 * Meanwhile the copy is checksummed and synced as it grows; `patch` is then written into it, and
 * the sha256 returned is of the patched file. The caller syncs the file once more at the end.
 */
export async function copyInChildProcess(source: string, destination: string, patch: HeaderPatch, onBytes: (bytes: number) => void): Promise<string> {
  // Made here, so that the handle that reads and syncs it is the file cp writes into (cp truncates, not replaces).
  const output = await open(destination, 'w+')
  try {
    let copied = false
    const copying = runCp(source, destination).finally(() => (copied = true))
    // A failed cp stops the follower at once (it would otherwise wait for bytes that never come).
    const followed = follow(output, () => copied, patch, onBytes)
    const [copy, read] = await Promise.allSettled([copying, followed])
    if (copy.status === 'rejected') throw copy.reason
    if (read.status === 'rejected') throw read.reason
    const { sha256, head, bytes } = read.value
    // A cp that replaced the file instead of writing into it (a clone on some systems): read it again, whole.
    const [kept, followedFile] = await Promise.all([stat(destination), output.stat()])
    if (kept.ino !== followedFile.ino || kept.size !== bytes) return await checksumAfterwards(destination, patch, onBytes)
    await writePatched(output, head, patch)
    onBytes(bytes)
    return sha256
  } finally {
    await output.close()
  }
}
