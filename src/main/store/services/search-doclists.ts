// Several words together: FTS5 intersects their doclists by decoding every entry of each (about
// 35 ns an entry, each word of a 100k store being in thousands of nodes), every time. Phrases' id
// lists kept here (sorted typed arrays, per connection until the data changes) are intersected from
// the rarest in a few µs, newest first. A list is read where its document count would have been
// (its length is that count, for the idf), so a phrase seen for the first time costs about what it
// did; one that no longer fits is not read again, and its query goes to FTS5 (repos/search.ts).

/** Ids in all the lists, below `beforeId`, newest first, at most `limit`. Each list is sorted ascending. */
export function intersectNewestFirst(lists: readonly Uint32Array[], beforeId: number, limit: number): number[] {
  const ordered = [...lists].sort((x, y) => x.length - y.length)
  const rarest = ordered[0]
  const ids: number[] = []
  if (!rarest || limit <= 0) return ids
  /** For each other list, how many of its entries may still hold an id not yet passed (an exclusive end). */
  const ends = ordered.map((list) => list.length)
  for (let i = below(rarest, beforeId, rarest.length) - 1; i >= 0; i--) {
    const id = rarest[i] as number
    let inAll = true
    for (let k = 1; k < ordered.length; k++) {
      const list = ordered[k] as Uint32Array
      // Entries above id can hold no later candidate: the end moves down past them for good, a few
      // steps at a time when the lists are about as dense, else by galloping.
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
      if (list[end - 1] !== id) {
        inAll = false
        break
      }
    }
    if (inAll && ids.push(id) === limit) break
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
