import { useSyncExternalStore } from 'react'
import { isImportRunning } from './active-import.ts'

/** Files dropped on the window, handed to the Import page; each drop starts a new import flow. */
export interface FileOffer {
  seq: number
  files: File[]
}

let current: FileOffer | null = null
let claimed = 0
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Starts a new import flow with these files, unless an import is writing right now (false then). */
export function offerFiles(files: File[]): boolean {
  if (isImportRunning() || files.length === 0) return false
  current = { seq: (current?.seq ?? 0) + 1, files }
  for (const listener of listeners) listener()
  return true
}

export function useFileOffer(): FileOffer | null {
  return useSyncExternalStore(subscribe, () => current)
}

/** The offer's files the first time it is claimed, then null: coming back to the page never re-imports them. */
export function claimOffer(offer: FileOffer | null): File[] | null {
  if (!offer || offer.seq <= claimed) return null
  claimed = offer.seq
  return offer.files
}
