import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { GraphKeepError } from '../../shared/errors.ts'
import { findUp, moduleDir } from '../setup/find-up.ts'

const BUILT_RENDERER = join('out', 'renderer')

/** The built renderer that web mode serves: GRAPHKEEP_RENDERER_DIR, or out/renderer above this module. */
export function rendererDir(env: Record<string, string | undefined> = process.env): string {
  const override = env.GRAPHKEEP_RENDERER_DIR
  if (override) {
    if (!existsSync(join(override, 'index.html'))) throw new GraphKeepError('NOT_FOUND', `GRAPHKEEP_RENDERER_DIR (${override}) has no index.html`)
    return override
  }
  const root = findUp(join(BUILT_RENDERER, 'index.html'), moduleDir(import.meta.url))
  if (!root) throw new GraphKeepError('NOT_FOUND', `the app is not built (no ${BUILT_RENDERER}/index.html): run npm run build`)
  return join(root, BUILT_RENDERER)
}
