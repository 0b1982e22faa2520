import { rmSync } from 'node:fs'
import { APPROXIMATE_THRESHOLD, type IndexStatus } from '../../../shared/embeddings.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { AppEvent } from '../../../shared/events.ts'
import type { Db } from '../db.ts'
import { findModel } from '../repos/embeddings.ts'
import { ApproximateIndex } from './approximate-index.ts'
import { startIndexBuild, type BuiltIndex, type IndexBuild } from './index-build.ts'
import { removeIndexFiles, removeUnfinishedBuilds } from './index-files.ts'
import { logWorkerFailure } from '../worker-log.ts'
import { loadModelVectors, refreshModelVectors, type ModelVectors } from './model-vectors.ts'

/** A saved index this far out of date is built again rather than patched. */
const REBUILD_SHARE = 0.3
const SAVE_AFTER_MS = 5000
/** After a failed build, one is not started again by itself for this long. */
const RETRY_BUILD_AFTER_MS = 60_000

interface Entry {
  vectors: ModelVectors
  index: ApproximateIndex | null
  building: { done: number; job: IndexBuild } | null
  failedAt: number
  triedFile: boolean
}

export interface RegistryOptions {
  storeFile: string
  readOnly: boolean
  onEvent?: ((event: AppEvent) => void) | undefined
}

/**
 * The in-memory vectors and approximate indexes of one store connection, by model name. Every
 * read first brings its model up to date with the store (one version lookup when nothing changed).
 */
export function createVectorRegistry(db: Db, options: RegistryOptions) {
  const entries = new Map<string, Entry>()
  let saveTimer: NodeJS.Timeout | null = null
  let closed = false
  if (!options.readOnly) removeUnfinishedBuilds(options.storeFile)

  function saveDirty(): void {
    saveTimer = null
    if (options.readOnly) return
    for (const entry of entries.values()) {
      if (!entry.index?.dirty) continue
      // Runs from a timer and from close: a throw here would end the store's thread, or stop its close half-way.
      try {
        entry.index.save(options.storeFile, entry.vectors)
      } catch (error) {
        logWorkerFailure('the similarity index could not be saved (it is caught up again at the next open)', error)
      }
    }
  }

  function scheduleSave(): void {
    if (saveTimer || options.readOnly) return
    saveTimer = setTimeout(saveDirty, SAVE_AFTER_MS)
    saveTimer.unref()
  }

  function dropEntry(name: string, entry: Entry): void {
    entry.building?.job.cancel()
    entry.building = null
    entries.delete(name)
  }

  /** The model's vectors, current with the store; its index (if any) current too. */
  function current(name: string): Entry {
    if (closed) throw new GraphKeepError('STORE_CLOSED', 'the store is closed')
    const model = findModel(db, name)
    let entry = entries.get(name)
    if (entry && (!model || entry.vectors.modelId !== model.id || entry.vectors.dim !== model.dim)) {
      dropEntry(name, entry)
      entry = undefined
    }
    if (!model) throw new GraphKeepError('NOT_FOUND', `no model named "${name}" has vectors in this store`)
    if (!entry) {
      entry = { vectors: loadModelVectors(db, model), index: null, building: null, failedAt: 0, triedFile: false }
      entries.set(name, entry)
    } else {
      refreshModelVectors(db, entry.vectors)
    }
    if (!entry.index && !entry.triedFile) {
      entry.triedFile = true
      const saved = ApproximateIndex.load(options.storeFile, entry.vectors)
      if (saved && saved.differences(entry.vectors) <= REBUILD_SHARE * Math.max(1, entry.vectors.count)) entry.index = saved
    }
    if (entry.index && entry.index.catchUp(entry.vectors) > 0) scheduleSave()
    const mayRetry = Date.now() - entry.failedAt > RETRY_BUILD_AFTER_MS
    if (!entry.index && !entry.building && mayRetry && entry.vectors.count >= APPROXIMATE_THRESHOLD) startBuild(name, entry)
    return entry
  }

  /** Builds in a thread of its own (index-build.ts); here only the snapshot, the progress and the install. */
  function startBuild(name: string, entry: Entry): void {
    if (options.readOnly) return
    const jobId = `vector-index:${name}`
    const total = entry.vectors.count
    const job = startIndexBuild(options.storeFile, entry.vectors, (done) => {
      if (building.done === done) return
      building.done = done
      options.onEvent?.({ type: 'progress', jobId, label: `Building the similarity index of ${name}`, done, total, phase: 'indexing' })
    })
    const building = { done: 0, job }
    entry.building = building
    // Nothing thrown after a build may escape: an unhandled rejection would end the store's thread.
    void job.finished.then((built) => {
      if (entry.building !== building || closed) {
        if (built) rmSync(built.builtPath, { force: true })
        return
      }
      entry.building = null
      const index = built ? installBuilt(entry, built) : null
      if (!index) {
        entry.failedAt = Date.now()
        return
      }
      entry.index = index
    }).catch((error: unknown) => logWorkerFailure('after a similarity index build', error))
  }

  /** The built index moved into place and brought up to date with writes made meanwhile; null when that fails. */
  function installBuilt(entry: Entry, built: BuiltIndex): ApproximateIndex | null {
    try {
      const index = ApproximateIndex.install(options.storeFile, entry.vectors, built)
      if (index && index.catchUp(entry.vectors) > 0) scheduleSave()
      return index
    } catch (error) {
      logWorkerFailure('the similarity index built could not be installed', error)
      rmSync(built.builtPath, { force: true })
      return null
    }
  }

  function status(name: string, entry: Entry): IndexStatus {
    return {
      model: name,
      state: entry.building ? 'building' : entry.index ? 'ready' : 'none',
      size: entry.index?.size ?? 0,
      vectors: entry.vectors.count,
      done: entry.building?.done ?? 0,
      threshold: APPROXIMATE_THRESHOLD,
      loadedFromFile: entry.index?.loadedFromFile ?? false,
      buildSeconds: entry.index?.buildSeconds ?? null,
    }
  }

  return {
    current,
    /** The model's entry when its vectors are already in memory (brought up to date); null, never loading, otherwise. */
    ifLoaded: (name: string): Entry | null => (entries.has(name) ? current(name) : null),
    status: (name: string) => status(name, current(name)),
    /** Starts building a model's index whatever its size (the threshold only decides the default). */
    build(name: string): IndexStatus {
      const entry = current(name)
      if (!entry.building) {
        entry.index = null
        startBuild(name, entry)
      }
      return status(name, entry)
    },
    /** Waits for a running build (tests, the benchmark). */
    async settled(name: string): Promise<IndexStatus> {
      for (;;) {
        const entry = current(name)
        if (!entry.building) return status(name, entry)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    forget(name: string, modelId: number): void {
      const entry = entries.get(name)
      if (entry) dropEntry(name, entry)
      if (!options.readOnly) removeIndexFiles(options.storeFile, modelId)
    },
    close(): void {
      if (saveTimer) clearTimeout(saveTimer)
      saveDirty()
      closed = true
      for (const [name, entry] of entries) dropEntry(name, entry)
    },
  }
}

export type VectorRegistry = ReturnType<typeof createVectorRegistry>

const registries = new WeakMap<Db, VectorRegistry>()

/** One registry per connection: the services of a connection share it, and closing the connection saves it. */
export function vectorRegistryFor(db: Db, options: RegistryOptions): VectorRegistry {
  let registry = registries.get(db)
  if (!registry) registries.set(db, (registry = createVectorRegistry(db, options)))
  return registry
}

export function closeVectorRegistry(db: Db): void {
  registries.get(db)?.close()
  registries.delete(db)
}
