import { realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { Contract, Handlers } from '../../shared/contract.ts'
import { GraphKeepError } from '../../shared/errors.ts'
import type { ImportSource } from '../../shared/transfer.ts'

/** Where a web-mode caller may name files: the desktop app has native dialogs, a browser has only these. */
export interface PathRoots {
  uploads: string
  exports: string
  /** The store's own folder (its backups included), for restores. */
  storeFolder: string
}

/** The real path, symlinks and `..` resolved, of a file that may not exist yet (its nearest existing folder is resolved). */
function realPathOf(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute))
  }
}

const isInside = (path: string, root: string) => {
  const rest = relative(realPathOf(root), realPathOf(path))
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest)
}

function confine(path: string | undefined, roots: string[], what: string): void {
  if (path === undefined || roots.some((root) => isInside(path, root))) return
  throw new GraphKeepError('FORBIDDEN', `in web mode ${what} must be in ${roots.join(' or ')}; upload the file first (or use the desktop app to pick any file)`, { path })
}

/**
 * Web mode's handler table: import, export and restore paths are checked against the folders web mode
 * owns before the store sees them (symlinks and `..` resolved), so the token gives no reach into the
 * rest of the disk (/etc/shadow, /proc/self/environ, a file written anywhere).
 */
export function confinePaths(handlers: Handlers<Contract>, roots: PathRoots): Handlers<Contract> {
  const readable = [roots.uploads, roots.exports]
  const source = (input: ImportSource) => {
    confine(input.path, readable, 'files to import')
    confine(input.edgesPath, readable, 'files to import')
    confine(input.keysPath, readable, 'files to import')
  }
  return {
    ...handlers,
    'import.inspect': (input) => (source(input), handlers['import.inspect'](input)),
    'import.validate': (input) => (source(input.source), handlers['import.validate'](input)),
    'import.run': (input) => (source(input.source), handlers['import.run'](input)),
    'export.run': (input) => (confine(input.path, [roots.exports], 'export files'), confine(input.keysPath, [roots.exports], 'export files'), handlers['export.run'](input)),
    'backup.preview': (input) => ('file' in input && confine(input.file, [roots.storeFolder, roots.uploads], 'files to restore'), handlers['backup.preview'](input)),
    'backup.restore': (input) => ('file' in input && confine(input.file, [roots.storeFolder, roots.uploads], 'files to restore'), handlers['backup.restore'](input)),
  }
}
