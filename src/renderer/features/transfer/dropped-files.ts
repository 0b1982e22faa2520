import { createClientStore } from '../../lib/client-store.ts'
import { isImportRunning } from './active-import.ts'

/** Files dropped on the window, handed to the Import page; each drop starts a new import flow. */
export interface FileOffer {
  seq: number
  files: File[]
}

const offer = createClientStore<FileOffer | null>(null)
let claimed = 0

/** Starts a new import flow with these files, unless an import is writing right now (false then). */
export function offerFiles(files: File[]): boolean {
  if (isImportRunning() || files.length === 0) return false
  offer.set({ seq: (offer.get()?.seq ?? 0) + 1, files })
  return true
}

export function useFileOffer(): FileOffer | null {
  return offer.use()
}

/** The offer's files the first time it is claimed, then null: coming back to the page never re-imports them. */
export function claimOffer(offer: FileOffer | null): File[] | null {
  if (!offer || offer.seq <= claimed) return null
  claimed = offer.seq
  return offer.files
}
