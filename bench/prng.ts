// One seeded generator for the app and its bench: mulberry32, kept with the analytics that sample with it.
export { seededRandom as mulberry32 } from '../src/main/store/analytics/random.ts'

export type Random = () => number

export const randomInt = (random: Random, below: number) => Math.floor(random() * below)

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomInt(random, items.length)] as T
}

/** A seeded Fisher–Yates permutation of 0..n-1. */
export function permutation(random: Random, n: number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, i + 1)
    const swap = order[i] as number
    order[i] = order[j] as number
    order[j] = swap
  }
  return order
}

/**
 * Draws item indices with probability proportional to their weights (cumulative sums and a binary
 * search: O(log n) a draw, fine for a few million draws).
 */
export function weightedSampler(random: Random, weights: ArrayLike<number>): () => number {
  const cumulative = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += weights[i] as number
  return () => {
    const target = random() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((cumulative[middle] as number) > target) high = middle
      else low = middle + 1
    }
    return low
  }
}
