/**
 * fast-check parameters with a seed that is always printed (fast-check prints it only on failure);
 * GRAPHKEEP_TEST_SEED repeats a run.
 */
export function propertyRun(label: string, numRuns: number): { seed: number; numRuns: number } {
  const fromEnv = process.env.GRAPHKEEP_TEST_SEED
  const seed = fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0
  console.log(`[${label}] fast-check seed ${seed} (repeat with GRAPHKEEP_TEST_SEED=${seed})`)
  return { seed, numRuns }
}
