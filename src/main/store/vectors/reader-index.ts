import { statSync } from 'node:fs'
import type { UsearchIndex } from './hnsw-settings.ts'
import { indexFiles, openSavedIndex } from './index-files.ts'
import type { ModelVectors } from './model-vectors.ts'
import type { IndexSearch } from './similarity-source.ts'
import type { Neighbour } from './top-k.ts'
import { wideningSearch } from './widening-search.ts'

/**
 * A reader's read-only view of a model's saved HNSW index (usearch `view`: the file mapped, not read,
 * so every reader shares the same pages). It cannot take writes: positions whose (node id, stamp)
 * differ from what the file holds are left out of its answers and scored exactly beside it.
 */
export class ReaderIndex implements IndexSearch {
  private readonly index: UsearchIndex
  private readonly nodeIds: Float64Array
  private readonly stamps: Float64Array
  /** The saved manifest's change time: a newer save is opened in its place. */
  readonly savedAt: number
  private stale: { vectors: ModelVectors; version: number; positions: number[] } | null = null

  private constructor(index: UsearchIndex, nodeIds: Float64Array, stamps: Float64Array, savedAt: number) {
    this.index = index
    this.nodeIds = nodeIds
    this.stamps = stamps
    this.savedAt = savedAt
  }

  /** When the model's index was last saved (0: none). */
  static savedAtOf(storeFile: string, modelId: number): number {
    try {
      return statSync(indexFiles(storeFile, modelId).manifest).mtimeMs
    } catch {
      return 0
    }
  }

  static open(storeFile: string, vectors: ModelVectors): ReaderIndex | null {
    const savedAt = ReaderIndex.savedAtOf(storeFile, vectors.modelId)
    const saved = openSavedIndex(storeFile, vectors, 'view')
    return saved && new ReaderIndex(saved.index, saved.nodeIds, saved.stamps, savedAt)
  }

  private matches(vectors: ModelVectors, position: number): boolean {
    return this.nodeIds[position] === vectors.nodeIds[position] && this.stamps[position] === vectors.stamps[position]
  }

  /** Positions in use whose vector the file does not hold as it is now (computed once per version). */
  private stalePositions(vectors: ModelVectors): number[] {
    if (this.stale?.vectors === vectors && this.stale.version === vectors.version) return this.stale.positions
    const positions: number[] = []
    for (let p = 0; p < vectors.length; p++) if (vectors.nodeIds[p] !== 0 && !this.matches(vectors, p)) positions.push(p)
    this.stale = { vectors, version: vectors.version, positions }
    return positions
  }

  /** How many positions this saved file holds differently from the store's vectors now. */
  staleCount(vectors: ModelVectors): number {
    return this.stalePositions(vectors).length
  }

  search(vectors: ModelVectors, unit: Float32Array, k: number, accept: (position: number) => boolean): Neighbour[] {
    // The file's answers for positions changed since it was saved are wrong: those are scored exactly instead.
    return wideningSearch(this.index, vectors, unit, k, (position) => this.matches(vectors, position) && accept(position), this.stalePositions(vectors).filter(accept))
  }
}
