import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The fields of a package.json that the sample graph uses; everything is unknown until checked. */
export type Manifest = Record<string, unknown> & { name: string; version: string }

export interface InstalledPackage {
  /** The folder the package is installed in (or the project root itself). */
  dir: string
  manifest: Manifest
}

function readManifest(dir: string): Manifest | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const { name, version } = parsed as Record<string, unknown>
  if (typeof name !== 'string' || typeof version !== 'string' || !name || !version) return null
  return parsed as Manifest
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Package folders directly inside one node_modules folder, scoped ones included, in name order. */
function packageDirsIn(nodeModules: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(nodeModules).sort()
  } catch {
    return []
  }
  const dirs: string[] = []
  for (const entry of entries) {
    if (entry.startsWith('.')) continue
    const path = join(nodeModules, entry)
    if (!entry.startsWith('@')) dirs.push(path)
    else if (isDirectory(path)) for (const scoped of readdirSync(path).sort()) dirs.push(join(path, scoped))
  }
  return dirs.filter(isDirectory)
}

/** The project and every package installed under its node_modules, nested node_modules included. */
export function readInstalledPackages(projectRoot: string): { project: InstalledPackage; installed: InstalledPackage[] } {
  const projectManifest = readManifest(projectRoot)
  if (!projectManifest) throw new Error(`no package.json with a name and version in ${projectRoot}`)
  const installed: InstalledPackage[] = []
  const seen = new Set<string>()
  const visit = (nodeModules: string) => {
    for (const dir of packageDirsIn(nodeModules)) {
      const real = realpathSync(dir)
      if (seen.has(real)) continue
      seen.add(real)
      const manifest = readManifest(dir)
      if (manifest) installed.push({ dir, manifest })
      visit(join(dir, 'node_modules'))
    }
  }
  visit(join(projectRoot, 'node_modules'))
  return { project: { dir: projectRoot, manifest: projectManifest }, installed }
}
