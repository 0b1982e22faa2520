/** The usual damping constant of reciprocal rank fusion: a top rank counts, but not overwhelmingly. */
export const RRF_K = 60

export interface Fused {
  key: string
  score: number
  /** 1-based rank in each list, or null where the key is absent. */
  ranks: [number | null, number | null]
}

/**
 * Weighted reciprocal rank fusion of two ranked lists: score = (1 − w)/(K + rank₁) + w/(K + rank₂).
 * Weight 0 keeps the first list's order, 1 the second's; ties go to the key that sorts first.
 */
export function fuseRanks(first: string[], second: string[], weight: number): Fused[] {
  const fused = new Map<string, Fused>()
  const add = (list: string[], which: 0 | 1, w: number) => {
    list.forEach((key, index) => {
      const entry = fused.get(key) ?? { key, score: 0, ranks: [null, null] }
      if (entry.ranks[which] !== null) return
      entry.ranks[which] = index + 1
      entry.score += w / (RRF_K + index + 1)
      fused.set(key, entry)
    })
  }
  add(first, 0, 1 - weight)
  add(second, 1, weight)
  return [...fused.values()].filter((f) => f.score > 0).sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
