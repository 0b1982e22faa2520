import { basename, dirname, join } from 'node:path'
import type { InstalledPackage } from './installed-packages.ts'

/**
 * Finds the installed package that `require(name)` from `fromDir` would load, the way Node looks:
 * `<dir>/node_modules/<name>` for `fromDir` and each folder above it, up to the project root.
 */
export function createResolver(projectRoot: string, packages: InstalledPackage[]) {
  const byDir = new Map(packages.map((pkg) => [pkg.dir, pkg]))
  return (fromDir: string, name: string): InstalledPackage | null => {
    let dir = fromDir
    for (;;) {
      if (basename(dir) !== 'node_modules') {
        const found = byDir.get(join(dir, 'node_modules', name))
        if (found) return found
      }
      if (dir === projectRoot) return null
      const parent = dirname(dir)
      if (parent === dir) return null
      dir = parent
    }
  }
}
