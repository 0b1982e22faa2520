import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A worker's script: the built bundle has `<bundle>.js` beside it; from source, Node runs the .ts file directly. */
export function workerFile(bundle: 'storeWorker' | 'readerWorker' | 'vectorIndexWorker' | 'importWorker', source: string): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const built = join(here, `${bundle}.js`)
  return existsSync(built) ? built : join(here, source)
}
