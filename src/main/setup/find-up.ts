import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The first folder at or above `startDir` that holds `relativePath`, or null. The same code then
 * works from source (src/main/...) and from the bundle (out/main/...): both sit under the project root.
 */
export function findUp(relativePath: string, startDir: string): string | null {
  let dir = startDir
  for (;;) {
    if (existsSync(join(dir, relativePath))) return dir
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/** The folder of the module whose `import.meta.url` is given. */
export const moduleDir = (metaUrl: string) => dirname(fileURLToPath(metaUrl))
