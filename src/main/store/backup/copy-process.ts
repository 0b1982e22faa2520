import { spawn } from 'node:child_process'
import { open } from 'node:fs/promises'

// How often the copy's size is reported and its written pages are handed to the disk meanwhile.
const POLL_MS = 100

/** An error with the errno-like code that asNoRoom and the callers read. */
function copyFailure(stderr: string, exitCode: number | null): Error {
  const code = /No space left|quota/i.test(stderr) ? 'ENOSPC' : 'ECOPY'
  return Object.assign(new Error(`cp failed (${exitCode}): ${stderr.trim()}`), { code })
}

/**
 * Copies `source` to `destination` with the system's `cp` (copy_file_range, or a reflink where the
 * file system has them) in a child process: the live store must not be opened through fs in this
 * process, whose closing the handle would drop every SQLite lock the process holds on the file.
 * While it runs, the bytes written so far are reported and synced (so the final fsync has little left).
 */
export async function copyInChildProcess(source: string, destination: string, onBytes: (bytes: number) => void): Promise<void> {
  // Made here, so that the handle that syncs it meanwhile is the file cp writes into (cp truncates, not replaces).
  const output = await open(destination, 'w')
  let syncing: Promise<void> | null = null
  try {
    const child = spawn('cp', ['--', source, destination], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (exitCode) => (exitCode === 0 ? resolve() : reject(copyFailure(stderr, exitCode))))
    })
    const poll = setInterval(() => {
      if (syncing) return
      syncing = output
        .stat()
        .then((stats) => onBytes(stats.size))
        .then(() => output.datasync())
        .catch(() => undefined)
        .finally(() => (syncing = null))
    }, POLL_MS)
    try {
      await exited
    } finally {
      clearInterval(poll)
    }
  } finally {
    await syncing
    await output.close()
  }
}
