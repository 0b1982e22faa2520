/**
 * Where the check pass marks a bad vector: a name of its own beside its file, per model, so that a
 * CSV row whose vector is bad keeps its node (and its other models' vectors) in skip mode.
 */
export const vectorMarkFile = (file: string, model: string): string => `${file}\u0000vector:${model}`

/** Vectors an import stored, and those it left out (bad, or naming no node). */
export interface VectorCounts {
  stored: number
  skipped: number
}
