import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeFileAtomically } from '../store/backup/files.ts'

// No electron import: the File ▸ Open recent list, newest first, kept in the app's data folder.
const MAX_RECENT = 10

export function readRecentStores(file: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string').filter((path) => existsSync(path)).slice(0, MAX_RECENT) : []
  } catch {
    return []
  }
}

/** Puts `store` first (once), keeps the newest ten that still exist, saves and returns the list. */
export function rememberRecentStore(file: string, store: string): string[] {
  const path = resolve(store)
  const list = [path, ...readRecentStores(file).filter((entry) => entry !== path)].slice(0, MAX_RECENT)
  writeFileAtomically(file, JSON.stringify(list, null, 2))
  return list
}

/** A store file named on the command line (or by the OS when a file is opened with the app): the last existing *.db/*.graphkeep argument. */
export function storeFileFromArgs(args: readonly string[]): string | null {
  const candidates = args.filter((arg) => !arg.startsWith('-') && /\.(db|graphkeep|sqlite)$/i.test(arg) && existsSync(arg))
  return candidates.length ? resolve(candidates[candidates.length - 1] as string) : null
}
