import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * sha256 of a store file and of its -wal/-shm when present, read by a child process: the store
 * holds its file under an exclusive lock, and reading it with fs in this process would drop that
 * lock when the descriptor closes. existsSync only stats the paths and opens nothing.
 */
export function hashOfLiveStore(file: string): string {
  const present = [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path))
  return execFileSync('sha256sum', present, { encoding: 'utf8' })
}
