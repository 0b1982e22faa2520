import { dirname, join } from 'node:path'

/** Web mode's file plumbing: where uploads land and where exports are served from, both beside the store. */
export interface TransferFolders {
  uploads: string
  exports: string
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number
  /** False for a store open read-only: nothing may be written beside it. */
  canWrite: () => Promise<boolean>
}

// Big enough for a graph of tens of millions of rows; a cap still keeps a runaway upload from filling the disk.
export const DEFAULT_MAX_UPLOAD_BYTES = 8 * 1024 ** 3

export function transferFoldersBeside(storeFile: string, canWrite: () => Promise<boolean>): TransferFolders {
  const folder = dirname(storeFile)
  return { uploads: join(folder, 'uploads'), exports: join(folder, 'exports'), maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES, canWrite }
}

/** A file name safe on every OS, keeping the extension (the engine detects the format from it). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '')
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 ? cleaned.slice(dot, dot + 16) : ''
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).slice(0, 80)
  return `${stem || 'upload'}${extension}`
}
