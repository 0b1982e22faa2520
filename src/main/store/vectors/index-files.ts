import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newUsearchIndex, type UsearchIndex } from './hnsw-settings.ts'
import type { ModelVectors } from './model-vectors.ts'

/**
 * A model's approximate index is kept beside the store, in `<store>.vectors/`: the usearch file,
 * the (node id, stamp) of every position it holds, and a manifest written last. A manifest that is
 * missing, or names another model, means the index is built again; a stale one is brought up to
 * date by comparing stamps (what changed since it was saved, also across a restore).
 */
export interface IndexManifest {
  modelId: number
  name: string
  dim: number
  length: number
  savedAt: number
}

export const vectorsFolder = (storeFile: string) => `${storeFile}.vectors`

export function indexFiles(storeFile: string, modelId: number) {
  const folder = vectorsFolder(storeFile)
  return { folder, index: join(folder, `model-${modelId}.usearch`), slots: join(folder, `model-${modelId}.slots`), manifest: join(folder, `model-${modelId}.json`) }
}

/** Where a build in its own thread writes the index before it is installed (one name per build). */
export const buildFileOf = (storeFile: string, modelId: number, build: string) => join(vectorsFolder(storeFile), `model-${modelId}.usearch.build-${build}`)

/** Files of builds that never finished (the process ended during one): only the writer calls this, at open. */
export function removeUnfinishedBuilds(storeFile: string): void {
  const folder = vectorsFolder(storeFile)
  if (!existsSync(folder)) return
  for (const name of readdirSync(folder)) if (name.includes('.usearch.build-')) rmSync(join(folder, name), { force: true })
}

export function readManifest(storeFile: string, modelId: number): IndexManifest | null {
  const files = indexFiles(storeFile, modelId)
  if (!existsSync(files.manifest) || !existsSync(files.index) || !existsSync(files.slots)) return null
  try {
    return JSON.parse(readFileSync(files.manifest, 'utf8')) as IndexManifest
  } catch {
    return null
  }
}

/** The saved (node id, stamp) pairs by position. */
export function readSlotSnapshot(storeFile: string, modelId: number, length: number): { nodeIds: Float64Array; stamps: Float64Array } | null {
  const bytes = readFileSync(indexFiles(storeFile, modelId).slots)
  if (bytes.byteLength !== length * 16) return null
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  return { nodeIds: all.slice(0, length), stamps: all.slice(length) }
}

/** Saves an index: the data files under temporary names, renamed; the manifest last. */
export function saveIndexFiles(storeFile: string, manifest: IndexManifest, nodeIds: Float64Array, stamps: Float64Array, saveIndex: (path: string) => void): void {
  const files = indexFiles(storeFile, manifest.modelId)
  mkdirSync(files.folder, { recursive: true })
  rmSync(files.manifest, { force: true })
  saveIndex(`${files.index}.tmp`)
  const slots = new Float64Array(manifest.length * 2)
  slots.set(nodeIds.subarray(0, manifest.length))
  slots.set(stamps.subarray(0, manifest.length), manifest.length)
  writeFileSync(`${files.slots}.tmp`, slots)
  renameSync(`${files.index}.tmp`, files.index)
  renameSync(`${files.slots}.tmp`, files.slots)
  writeFileSync(`${files.manifest}.tmp`, JSON.stringify(manifest))
  renameSync(`${files.manifest}.tmp`, files.manifest)
}

export function removeIndexFiles(storeFile: string, modelId: number): void {
  const files = indexFiles(storeFile, modelId)
  for (const path of [files.manifest, files.index, files.slots]) rmSync(path, { force: true })
}

/**
 * A model's saved index, if its files are whole and name the same model: loaded into memory (the
 * writer's, which it changes) or viewed from the file (a reader's, shared with the page cache).
 */
export function openSavedIndex(storeFile: string, vectors: ModelVectors, how: 'load' | 'view'): { index: UsearchIndex; nodeIds: Float64Array; stamps: Float64Array } | null {
  const manifest = readManifest(storeFile, vectors.modelId)
  if (!manifest || manifest.name !== vectors.name || manifest.dim !== vectors.dim) return null
  const snapshot = readSlotSnapshot(storeFile, vectors.modelId, manifest.length)
  if (!snapshot) return null
  const index = newUsearchIndex(vectors.dim)
  try {
    if (how === 'load') index.load(indexFiles(storeFile, vectors.modelId).index)
    else index.view(indexFiles(storeFile, vectors.modelId).index)
  } catch {
    return null
  }
  return { index, ...snapshot }
}
