import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StoreHost } from '../store/host.ts'
import { importSampleGraph, readSampleGraph } from './sample-graph.ts'

export interface OpenAppStoreOptions {
  file: string
  /** Fill a store that does not exist yet with the bundled sample graph. */
  seedSample: boolean
  /** Defaults to resources/sample-graph.json found above this module. */
  sampleFile?: string
}

/**
 * Opens the store the app works on, creating it when missing. A new store gets the sample graph
 * once; an existing one is never seeded again, even if the user has emptied it.
 */
export async function openAppStore({ file, seedSample, sampleFile }: OpenAppStoreOptions): Promise<StoreHost> {
  const isNew = !existsSync(file)
  // Read the sample first: a missing resource must not leave an empty store behind.
  const sample = isNew && seedSample ? await readSampleGraph(sampleFile) : null
  await mkdir(dirname(file), { recursive: true })
  const host = await StoreHost.open({ file })
  if (!sample) return host
  try {
    await importSampleGraph(host.store, sample)
    return host
  } catch (error) {
    // A half-seeded new store would never be seeded again: remove it so the next start retries.
    await host.close()
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(file + suffix, { force: true })))
    throw error
  }
}
