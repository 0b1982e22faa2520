import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { crashPoint } from './crash-point.ts'
import { fsyncFile, fsyncFolder, writeFileAtomically } from './files.ts'

const incomingPathOf = (storeFile: string) => `${storeFile}.restoring`
const markerPathOf = (storeFile: string) => `${storeFile}.restore-marker.json`

function removeSidecars(storeFile: string): void {
  rmSync(`${storeFile}-wal`, { force: true })
  rmSync(`${storeFile}-shm`, { force: true })
}

function swapIn(storeFile: string): void {
  removeSidecars(storeFile)
  crashPoint('restore:sidecars-removed')
  renameSync(incomingPathOf(storeFile), storeFile)
  fsyncFolder(dirname(storeFile))
  crashPoint('restore:renamed')
}

/**
 * Puts a verified file in place of the store, whose connection must already be closed after a
 * TRUNCATE checkpoint. The copy is synced beside the store before a marker is written; from the
 * marker on, the restore is finished at the next open even if the process dies.
 */
export function replaceStoreFile(storeFile: string, candidate: string): void {
  const incoming = incomingPathOf(storeFile)
  copyFileSync(candidate, incoming)
  fsyncFile(incoming)
  fsyncFolder(dirname(storeFile))
  crashPoint('restore:copied')
  writeFileAtomically(markerPathOf(storeFile), JSON.stringify({ incoming, startedAt: Date.now() }))
  crashPoint('restore:marked')
  swapIn(storeFile)
  rmSync(markerPathOf(storeFile), { force: true })
  fsyncFolder(dirname(storeFile))
  crashPoint('restore:done')
}

/**
 * At open: a marker means a restore passed the point of no return, so it is completed; a copy
 * without a marker means it had not, so the copy is dropped and the old store stays.
 */
export function finishInterruptedRestore(storeFile: string): 'none' | 'completed' | 'abandoned' {
  const marker = markerPathOf(storeFile)
  const incoming = incomingPathOf(storeFile)
  if (existsSync(marker)) {
    if (existsSync(incoming)) swapIn(storeFile)
    rmSync(marker, { force: true })
    fsyncFolder(dirname(storeFile))
    return 'completed'
  }
  rmSync(`${marker}.tmp`, { force: true })
  if (existsSync(incoming)) {
    rmSync(incoming, { force: true })
    return 'abandoned'
  }
  return 'none'
}
