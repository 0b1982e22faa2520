import { statSync } from 'node:fs'
import { dotAt } from './exact-knn.ts'
import type { UsearchIndex } from './hnsw-settings.ts'
import { indexFiles, openSavedIndex } from './index-files.ts'
import type { ModelVectors } from './model-vectors.ts'
import type { IndexSearch } from './similarity-source.ts'
import { TopK, type Neighbour } from './top-k.ts'

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
    const stale = this.stalePositions(vectors)
    const score = (position: number) => dotAt(vectors.data, position * vectors.dim, unit, vectors.dim)
    const total = this.index.size()
    for (let wanted = Math.min(total, k + 1); ; wanted = Math.min(total, wanted * 4)) {
      const found = this.index.search(unit, Math.max(1, wanted), 0) as { keys: BigUint64Array }
      const top = new TopK(k)
      for (const key of found.keys) {
        const nodeId = Number(key)
        const position = vectors.positionOf.get(nodeId)
        if (position === undefined || !this.matches(vectors, position) || !accept(position)) continue
        top.offer({ position, nodeId, score: score(position) })
      }
      for (const position of stale) if (accept(position)) top.offer({ position, nodeId: vectors.nodeIds[position] as number, score: score(position) })
      if (top.full || wanted >= total || wanted >= 64 * (k + 1)) return top.items
    }
  }
}
