/**
 * An int8 copy of a unit vector for the fast first pass, and how far that copy's direction is from
 * the vector's: `‖x − x'/‖x'‖‖`. The cosine of two int8 copies differs from the cosine of the
 * vectors by at most the sum of their two distances (triangle inequality on unit vectors), which
 * is what lets the first pass's answer be proven exact, or be checked again in full.
 */
export function quantizeInto(unit: Float32Array, from: number, dim: number, out: Int8Array, at: number): number {
  let max = 0
  for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(unit[from + j] as number))
  const scale = max === 0 ? 0 : 127 / max
  let norm2 = 0
  for (let j = 0; j < dim; j++) {
    const q = Math.round((unit[from + j] as number) * scale)
    out[at + j] = q
    norm2 += q * q
  }
  if (norm2 === 0) return 2
  const inv = 1 / Math.sqrt(norm2)
  let dist2 = 0
  for (let j = 0; j < dim; j++) {
    const d = (unit[from + j] as number) - (out[at + j] as number) * inv
    dist2 += d * d
  }
  return Math.sqrt(dist2)
}
