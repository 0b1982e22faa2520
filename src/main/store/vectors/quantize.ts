/**
 * Int8 copies of unit vectors for the fast first pass. Every stored vector of a model shares one
 * scale S, so that the integer inner product of two copies, divided by the two scales, estimates the
 * cosine: the native pass can then rank by a plain int8 dot product (a third of the work of an int8
 * cosine, which also sums both squared norms). What makes that ranking provable is the distance of
 * each copy from its vector, `‖x − a/S‖`, measured here for every vector (values beyond ±127 are
 * clipped, which only makes that distance larger).
 */

/** The scale that maps a vector's largest value to 127 (its own best scale; 0 for a zero vector). */
export function scaleFor(values: Float32Array, from: number, dim: number): number {
  let max = 0
  for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(values[from + j] as number))
  return max === 0 ? 0 : 127 / max
}

/** Writes round(x·scale) (clipped to ±127) and returns `‖x − a/scale‖` (float64 arithmetic). */
export function quantizeScaled(values: Float32Array, from: number, dim: number, scale: number, out: Int8Array, at: number): number {
  if (scale === 0) {
    out.fill(0, at, at + dim)
    let norm2 = 0
    for (let j = 0; j < dim; j++) norm2 += (values[from + j] as number) ** 2
    return Math.sqrt(norm2)
  }
  let dist2 = 0
  for (let j = 0; j < dim; j++) {
    const x = values[from + j] as number
    const q = Math.max(-127, Math.min(127, Math.round(x * scale)))
    out[at + j] = q
    const d = x - q / scale
    dist2 += d * d
  }
  return Math.sqrt(dist2)
}

/**
 * A model's shared scale from the vectors it holds when first loaded: the one that maps the largest
 * value of any of them to 127. Vectors written later keep it (a larger value is clipped, and its
 * larger distance counted).
 */
export function sharedScale(data: Float32Array, count: number, dim: number): number {
  const scale = scaleFor(data, 0, count * dim)
  return scale === 0 ? 127 : scale
}
