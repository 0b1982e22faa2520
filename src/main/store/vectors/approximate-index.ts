import { renameSync } from 'node:fs'
import type { UsearchIndex } from './hnsw-settings.ts'
import type { BuiltIndex } from './index-build.ts'
import { openSavedIndex, saveIndexFiles } from './index-files.ts'
import type { ModelVectors } from './model-vectors.ts'
import type { Neighbour } from './top-k.ts'
import { wideningSearch } from './widening-search.ts'

/**
 * A model's HNSW index (usearch), and the (node id, stamp) of each position it holds, so that it can
 * be brought up to date with the store by comparing stamps: after writes, after a reopen, after a restore.
 */
export class ApproximateIndex {
  private readonly index: UsearchIndex
  private nodeIds: Float64Array
  private stamps: Float64Array
  readonly loadedFromFile: boolean
  readonly buildSeconds: number | null
  /** Changed since it was last saved. */
  dirty = false
  /** The model version it last matched: a search with nothing written since skips comparing every stamp. */
  private matchedVersion = -1

  private constructor(index: UsearchIndex, nodeIds: Float64Array, stamps: Float64Array, loadedFromFile: boolean, buildSeconds: number | null) {
    this.index = index
    this.nodeIds = nodeIds
    this.stamps = stamps
    this.loadedFromFile = loadedFromFile
    this.buildSeconds = buildSeconds
  }

  get size(): number {
    return this.index.size()
  }

  /**
   * Installs an index built in its own thread (index-build.ts): its file moved into place with the
   * (node id, stamp) of what it holds, then loaded like a saved one. Null when that fails.
   */
  static install(storeFile: string, vectors: ModelVectors, built: BuiltIndex): ApproximateIndex | null {
    const manifest = { modelId: vectors.modelId, name: vectors.name, dim: vectors.dim, length: built.nodeIds.length, savedAt: Date.now() }
    saveIndexFiles(storeFile, manifest, built.nodeIds, built.stamps, (path) => renameSync(built.builtPath, path))
    return ApproximateIndex.load(storeFile, vectors, built.seconds)
  }

  /** The saved index of this model, if its files are whole and name the same model; null otherwise. */
  static load(storeFile: string, vectors: ModelVectors, builtInSeconds: number | null = null): ApproximateIndex | null {
    const saved = openSavedIndex(storeFile, vectors, 'load')
    return saved && new ApproximateIndex(saved.index, saved.nodeIds, saved.stamps, builtInSeconds === null, builtInSeconds)
  }

  /** How many positions differ from the store's copy: a large share means building again is cheaper. */
  differences(vectors: ModelVectors): number {
    let count = 0
    for (let p = 0; p < Math.max(vectors.length, this.nodeIds.length); p++) {
      if ((this.nodeIds[p] ?? 0) !== (vectors.nodeIds[p] ?? 0) || (this.stamps[p] ?? 0) !== (vectors.stamps[p] ?? 0)) count++
    }
    return count
  }

  /** Applies what changed in the store since this index last matched it: removals first, then additions. */
  catchUp(vectors: ModelVectors): number {
    if (this.matchedVersion === vectors.version) return 0
    const count = this.applyChanges(vectors)
    this.matchedVersion = vectors.version
    return count
  }

  private applyChanges(vectors: ModelVectors): number {
    const length = Math.max(vectors.length, this.nodeIds.length)
    const removals: bigint[] = []
    const additions: number[] = []
    for (let p = 0; p < length; p++) {
      const before = this.nodeIds[p] ?? 0
      const after = p < vectors.length ? (vectors.nodeIds[p] as number) : 0
      if (before === after && (this.stamps[p] ?? 0) === (p < vectors.length ? vectors.stamps[p] : 0)) continue
      if (before !== 0) removals.push(BigInt(before))
      if (after !== 0) additions.push(p)
    }
    if (removals.length === 0 && additions.length === 0) return 0
    // A node's vector may have moved: take every old key out before putting any back.
    for (const key of removals) this.index.remove(key)
    for (const p of additions) {
      const key = BigInt(vectors.nodeIds[p] as number)
      if (this.index.contains(key)) this.index.remove(key)
      this.index.add(key, vectors.data.slice(p * vectors.dim, (p + 1) * vectors.dim))
    }
    this.nodeIds = vectors.nodeIds.slice(0, vectors.length)
    this.stamps = vectors.stamps.slice(0, vectors.length)
    this.dirty = true
    return removals.length + additions.length
  }

  /**
   * The approximate k nearest, rescored exactly (so that scores and tie order are those of the exact
   * search). `accept` filters by position; with a narrow filter the search widens, and returns fewer
   * than k only when even a wide search found no more.
   */
  search(vectors: ModelVectors, unit: Float32Array, k: number, accept: (position: number) => boolean): Neighbour[] {
    return wideningSearch(this.index, vectors, unit, k, accept)
  }


  save(storeFile: string, vectors: ModelVectors): void {
    saveIndexFiles(
      storeFile,
      { modelId: vectors.modelId, name: vectors.name, dim: vectors.dim, length: this.nodeIds.length, savedAt: Date.now() },
      this.nodeIds, this.stamps, (path) => this.index.save(path),
    )
    this.dirty = false
  }
}
