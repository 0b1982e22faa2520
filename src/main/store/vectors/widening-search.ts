import { dotAt } from './exact-knn.ts'
import type { UsearchIndex } from './hnsw-settings.ts'
import type { ModelVectors } from './model-vectors.ts'
import { TopK, type Neighbour } from './top-k.ts'

/**
 * The approximate k nearest from `index`, rescored exactly (so that scores and tie order are those of
 * the exact search). `accept` filters by position; with a narrow filter the search widens, and returns
 * fewer than k only when even a wide search found no more. `alsoScore`: accepted positions the index
 * cannot answer for (a reader's view older than the store), scored exactly beside its hits.
 */
export function wideningSearch(
  index: UsearchIndex, vectors: ModelVectors, unit: Float32Array, k: number, accept: (position: number) => boolean, alsoScore: readonly number[] = [],
): Neighbour[] {
  const score = (position: number) => dotAt(vectors.data, position * vectors.dim, unit, vectors.dim)
  const total = index.size()
  for (let wanted = Math.min(total, k + 1); ; wanted = Math.min(total, wanted * 4)) {
    const found = index.search(unit, Math.max(1, wanted), 0) as { keys: BigUint64Array }
    const top = new TopK(k)
    for (const key of found.keys) {
      const nodeId = Number(key)
      const position = vectors.positionOf.get(nodeId)
      if (position === undefined || !accept(position)) continue
      top.offer({ position, nodeId, score: score(position) })
    }
    for (const position of alsoScore) top.offer({ position, nodeId: vectors.nodeIds[position] as number, score: score(position) })
    if (top.full || wanted >= total || wanted >= 64 * (k + 1)) return top.items
  }
}
