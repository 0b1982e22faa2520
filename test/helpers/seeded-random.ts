/**
 * A small seeded PRNG (mulberry32) for tests that make random data without fast-check.
 * The seed is logged so that a failing run can be repeated with GRAPHKEEP_TEST_SEED.
 */
export function seededRandom(label: string): { seed: number; next: () => number; bytes: (n: number) => Buffer } {
  const fromEnv = Number(process.env.GRAPHKEEP_TEST_SEED)
  const seed = Number.isInteger(fromEnv) && process.env.GRAPHKEEP_TEST_SEED ? fromEnv : (Date.now() ^ (Math.random() * 2 ** 32)) >>> 0
  console.log(`[${label}] random seed ${seed} (repeat with GRAPHKEEP_TEST_SEED=${seed})`)
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)))
  return { seed, next, bytes }
}
