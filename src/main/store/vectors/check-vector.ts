import { GraphKeepError } from '../../../shared/errors.ts'
import { MAX_DIMENSIONS } from '../../../shared/embeddings.ts'

/** Where a vector came from, for an error that names it: the row of a call or the line of a file. */
export interface VectorSource {
  row: number
  key: string
  model: string
}

const describe = (source: VectorSource) => `row ${source.row} (key "${source.key.slice(0, 80)}", model "${source.model.slice(0, 80)}")`

function reject(source: VectorSource, problem: string): never {
  throw new GraphKeepError('VALIDATION', `${describe(source)}: ${problem}`, { row: source.row, key: source.key, model: source.model, problem })
}

/** Why a value is not a vector, in the words checkVector would use (for a reader that refuses it early). */
export function vectorProblem(value: unknown, source: VectorSource): string {
  try {
    checkVector(value, null, source)
  } catch (error) {
    if (error instanceof GraphKeepError) return error.message
    throw error
  }
  return `${describe(source)}: not a vector`
}

/**
 * A vector as float32 values, or a VALIDATION error naming its row: an array (or typed array) of
 * 1..MAX_DIMENSIONS finite numbers that stay finite as float32, not all zero, and of the model's
 * dimension when the model has one.
 */
export function checkVector(value: unknown, dim: number | null, source: VectorSource): Float32Array {
  const isTyped = value instanceof Float32Array || value instanceof Float64Array
  if (!Array.isArray(value) && !isTyped) reject(source, `a vector is an array of numbers, not ${value === null ? 'null' : typeof value}`)
  const values = value as ArrayLike<unknown>
  if (values.length === 0) reject(source, 'the vector is empty')
  if (values.length > MAX_DIMENSIONS) reject(source, `the vector has ${values.length} values; at most ${MAX_DIMENSIONS} are allowed`)
  if (dim !== null && values.length !== dim) reject(source, `the vector has ${values.length} values; the model has dimension ${dim}`)
  const out = new Float32Array(values.length)
  let zero = true
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    if (typeof x !== 'number') reject(source, `value ${i} is ${x === null ? 'null' : typeof x}, not a number`)
    if (!Number.isFinite(x)) reject(source, `value ${i} is ${String(x)}; only finite numbers are allowed`)
    out[i] = x
    const f = out[i] as number
    if (!Number.isFinite(f)) reject(source, `value ${i} (${x}) is beyond the float32 range`)
    if (f !== 0) zero = false
  }
  if (zero) reject(source, 'the vector is all zeros, which has no direction to compare')
  return out
}

/** Scales a vector to unit length in place; returns the length it had (float64 arithmetic). */
export function normaliseInPlace(vector: Float32Array): number {
  let sum = 0
  for (let i = 0; i < vector.length; i++) sum += (vector[i] as number) * (vector[i] as number)
  const norm = Math.sqrt(sum)
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm
  return norm
}
