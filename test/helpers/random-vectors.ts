/** A Lehmer generator (the vector tests' data source): the same seed gives the same numbers in [0, 1). */
export function lcg(seed: number): () => number {
  let state = seed % 2147483647 || 1
  return () => (state = (Math.imul(state, 48271) + 11) % 2147483647) / 2147483647
}

/** `n` vectors of `dim` values in [-0.5, 0.5), from `seed`. */
export function randomVectors(seed: number, n: number, dim = 16): number[][] {
  const random = lcg(seed)
  return Array.from({ length: n }, () => Array.from({ length: dim }, () => random() - 0.5))
}
