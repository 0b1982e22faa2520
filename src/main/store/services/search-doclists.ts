// Several words together: FTS5 intersects their doclists by decoding every entry of each (about
// 35 ns an entry, each word of a 100k store being in thousands of nodes), every time. Phrases' id
// lists kept here (sorted typed arrays, and bitmaps of the dense ones, per connection until the data
// changes) are intersected from the rarest in tens of µs, newest first. A list is read where its document count would have been
// (its length is that count, for the idf), so a phrase seen for the first time costs about what it
// did; one that no longer fits is not read again, and its query goes to FTS5 (repos/search.ts).

/** A phrase's matching ids, ascending, and as a bitmap when that takes no more room than the ids. */
export interface KeptList {
  ids: Uint32Array
  bits: Uint32Array | null
}

export function keptList(ascending: readonly number[]): KeptList {
  const ids = Uint32Array.from(ascending)
  const words = ids.length > 0 ? ((ids[ids.length - 1] as number) >>> 5) + 1 : 0
  if (words === 0 || words > ids.length) return { ids, bits: null }
  const bits = new Uint32Array(words)
  for (const id of ids) bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31))
  return { ids, bits }
}

/** Ids in all the lists, below `beforeId`, newest first, at most `limit`. */
export function intersectNewestFirst(lists: readonly KeptList[], beforeId: number, limit: number): number[] {
  const ordered = [...lists].sort((x, y) => x.ids.length - y.ids.length)
  const rarest = ordered[0]?.ids
  const ids: number[] = []
  if (!rarest || limit <= 0) return ids
  /** For each other list without a bitmap, how many of its ids may still be a later candidate (an exclusive end). */
  const ends = ordered.map((list) => list.ids.length)
  candidates: for (let i = below(rarest, beforeId, rarest.length) - 1; i >= 0; i--) {
    const id = rarest[i] as number
    for (let k = 1; k < ordered.length; k++) {
      const { ids: list, bits } = ordered[k] as KeptList
      if (bits) {
        if (((bits[id >>> 5] ?? 0) & (1 << (id & 31))) === 0) continue candidates
        continue
      }
      // Ids above this one can be no later candidate: the end moves down past them for good, a
      // few steps at a time when the lists are about as dense, else by galloping.
      let end = ends[k] as number
      for (let steps = 0; end > 0 && (list[end - 1] as number) > id; steps++) {
        if (steps === 8) {
          end = below(list, id + 1, end)
          break
        }
        end--
      }
      ends[k] = end
      if (end === 0) return ids
      if (list[end - 1] !== id) continue candidates
    }
    if (ids.push(id) === limit) break
  }
  return ids
}

/**
 * How many of list[0, end) are below `value`: galloping down from `end` (the next id is usually
 * near the last one), then a binary search within the last step.
 */
function below(list: Uint32Array, value: number, end: number): number {
  if (end === 0 || (list[end - 1] as number) < value) return end
  let step = 1
  let high = end - 1 // list[high] >= value
  let low = high - step
  while (low >= 0 && (list[low] as number) >= value) {
    high = low
    step *= 2
    low = high - step
  }
  // Now list[high] >= value, and low < 0 or list[low] < value.
  let lo = Math.max(low, -1)
  while (high - lo > 1) {
    const mid = (lo + high) >>> 1
    if ((list[mid] as number) >= value) high = mid
    else lo = mid
  }
  return high
}
