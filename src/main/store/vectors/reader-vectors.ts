import { APPROXIMATE_THRESHOLD } from '../../../shared/embeddings.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { findModel, modelVectorCount } from '../repos/embeddings.ts'
import { loadModelVectors, privateCopy, refreshModelVectors, type ModelVectors } from './model-vectors.ts'
import { ReaderIndex } from './reader-index.ts'
import { adoptShared, type SharedModelVectors } from './shared-vectors.ts'
import type { SimilaritySource } from './similarity-source.ts'

/**
 * A model this small (vectors × dimensions) a reader loads itself at once (milliseconds); a larger one
 * is loaded once in the background into shared memory, and answered from the stored chunks until then.
 */
const LOAD_AT_ONCE = Number(process.env.GRAPHKEEP_VECTORS_LOAD_AT_ONCE ?? 2_000_000)
/** Positions that changed since the index was saved are scored exactly per search: past this share the writer catches the file up. */
const STALE_SHARE = 0.01
const STALE_FLOOR = 64
/** A reader asks for a model's index at most this often (the writer saves a caught-up index 5 s after). */
const ASK_INDEX_EVERY_MS = 5_000

// This reader thread's shared vectors, by model id, as the host last handed them over.
let installed = new Map<number, SharedModelVectors>()
let askForLoad: () => void = () => {}
let askForIndex: (model: string) => void = () => {}
const indexAskedAt = new Map<string, number>()

/** Called by the reader worker: how to ask the host for a (newer) shared load, and for a model's index. */
export function useSharedVectors(askLoad: () => void, askIndex: (model: string) => void = () => {}): void {
  askForLoad = askLoad
  askForIndex = askIndex
}

/**
 * Readers never build, save or remove index files (they only view them): as a search on the writer
 * does, a search here that finds the index missing (model large enough) or far behind asks the writer.
 */
function wantIndex(name: string, vectorCount: number, index: ReaderIndex | null, vectors: ModelVectors | null): void {
  const missing = index === null && vectorCount >= APPROXIMATE_THRESHOLD
  const behind = index !== null && vectors !== null && index.staleCount(vectors) > Math.max(STALE_FLOOR, STALE_SHARE * vectorCount)
  if (!missing && !behind) return
  const now = Date.now()
  if (now - (indexAskedAt.get(name) ?? 0) < ASK_INDEX_EVERY_MS) return
  indexAskedAt.set(name, now)
  askForIndex(name)
}

/** Called by the reader worker when the host hands over shared vectors (null: that load failed). */
export function installSharedVectors(models: SharedModelVectors[] | null): void {
  if (models) installed = new Map(models.map((model) => [model.modelId, model]))
}

interface ReaderEntry {
  modelId: number
  vectors: ModelVectors
  /** The shared copy that `vectors` still points into; null once it has a copy of its own. */
  shared: SharedModelVectors | null
  index: ReaderIndex | null
}

/** A reader's models: shared vectors when loaded, caught up by stamps after writes; the saved index viewed read-only. */
export function readerVectors(db: Db, storeFile: string): SimilaritySource {
  const entries = new Map<string, ReaderEntry>()

  function refreshIndex(entry: ReaderEntry): void {
    const savedAt = ReaderIndex.savedAtOf(storeFile, entry.modelId)
    if (savedAt === 0) entry.index = null
    else if (entry.index?.savedAt !== savedAt) entry.index = ReaderIndex.open(storeFile, entry.vectors)
  }

  return {
    current(name) {
      const model = findModel(db, name)
      if (!model) throw new GraphKeepError('NOT_FOUND', `no model named "${name}" has vectors in this store`)
      let entry = entries.get(name)
      if (entry && entry.modelId !== model.id) entry = undefined
      const base = installed.get(model.id)
      // A newer shared load replaces a copy of our own (or an older shared one).
      if (base && base.dim === model.dim && entry?.shared !== base && (!entry || base.version >= entry.vectors.version)) {
        entry = { modelId: model.id, vectors: adoptShared(base), shared: base, index: entry?.index ?? null }
        entries.set(name, entry)
      }
      if (!entry) {
        const count = modelVectorCount(db, model.id)
        if (count * model.dim > LOAD_AT_ONCE) {
          askForLoad()
          if (ReaderIndex.savedAtOf(storeFile, model.id) === 0) wantIndex(name, count, null, null)
          return { kind: 'sql', model }
        }
        entry = { modelId: model.id, vectors: loadModelVectors(db, model), shared: null, index: null }
        entries.set(name, entry)
      }
      if (entry.vectors.version !== model.version) {
        // Written since: other readers still read the shared arrays, so catch up on a copy of our own.
        if (entry.shared) {
          entry.vectors = privateCopy(entry.vectors)
          entry.shared = null
          if (entry.vectors.count * entry.vectors.dim > LOAD_AT_ONCE) askForLoad()
        }
        refreshModelVectors(db, entry.vectors)
      }
      refreshIndex(entry)
      wantIndex(name, entry.vectors.count, entry.index, entry.vectors)
      return { kind: 'memory', vectors: entry.vectors, index: entry.index }
    },
  }
}
