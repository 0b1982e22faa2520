/**
 * Positions 0 .. n - 1 ordered by value, highest first, equal values by position (node ids are
 * ascending, so ties go by node id). An LSD radix sort on the values' bits, 16 bits a pass: a
 * comparison sort of a million indexes takes several times longer.
 */
export function rankedOrder(values: Float64Array): Int32Array {
  const n = values.length
  const bits = new Uint32Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength))
  // Order-preserving keys, inverted so that ascending keys mean descending values.
  const hi = new Uint32Array(n)
  const lo = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + 1]!
    let l = bits[2 * i]!
    if (h & 0x80000000) {
      h = ~h >>> 0
      l = ~l >>> 0
    } else h = (h | 0x80000000) >>> 0
    hi[i] = ~h >>> 0
    lo[i] = ~l >>> 0
  }
  let order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  let spare = new Int32Array(n)
  const counts = new Uint32Array(65537)
  for (const [words, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[((words[i]! >>> shift) & 0xffff) + 1]!++
    for (let d = 0; d < 65536; d++) counts[d + 1] = counts[d + 1]! + counts[d]!
    for (let i = 0; i < n; i++) {
      const at = order[i]!
      spare[counts[(words[at]! >>> shift) & 0xffff]!++] = at
    }
    ;[order, spare] = [spare, order]
  }
  return order
}

/** Values read in ranked (descending) order, through the ranked positions: no sorted copy is kept. */
export interface Ranked {
  values: Float64Array
  ranked: Int32Array
}

/** The first place in ranked order whose value is <= `value`: with ties, 1 + this is the rank. */
export function firstAtOrBelow({ values, ranked }: Ranked, value: number): number {
  let low = 0
  let high = ranked.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (values[ranked[mid]!]! > value) low = mid + 1
    else high = mid
  }
  return low
}

/** The first place in ranked order whose value is < `value`. */
export function firstBelow({ values, ranked }: Ranked, value: number): number {
  let low = 0
  let high = ranked.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (values[ranked[mid]!]! >= value) low = mid + 1
    else high = mid
  }
  return low
}

/** Index of `id` in ascending `ids`, or -1. */
export function indexOfId(ids: Int32Array, id: number): number {
  let low = 0
  let high = ids.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    const at = ids[mid]!
    if (at === id) return mid
    if (at < id) low = mid + 1
    else high = mid - 1
  }
  return -1
}
