// Several words together: FTS5 intersects their doclists by decoding every entry of each (about
// 35 ns an entry, each word of a 100k store being in thousands of nodes), every time. Phrases' id
// lists kept here (sorted typed arrays, or bitmaps for the dense ones, per connection until the
// data changes) are intersected from the rarest in tens of µs, newest first. A list is read where
// its document count would have been (its length is that count, for the idf): the first sight of a
// phrase costs a read of its ids instead of a count (about two to three times as long); once the
// lists are full, phrases are only counted and their queries go to FTS5 (repos/search.ts).

/**
 * A phrase's matching ids: as a bitmap when that takes less room than the ids (a word in more than
 * one node in 32), else ascending.
 */
export type KeptList = { count: number; ids: Uint32Array; bits: null } | { count: number; ids: null; bits: Uint32Array }

export function keptList(ascending: readonly number[], asBits = ascending.length > 0 && ((ascending.at(-1) as number) >>> 5) < ascending.length): KeptList {
  if (!asBits) return { count: ascending.length, ids: Uint32Array.from(ascending), bits: null }
  const bits = new Uint32Array(ascending.length > 0 ? ((ascending.at(-1) as number) >>> 5) + 1 : 0)
  for (const id of ascending) bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31))
  return { count: ascending.length, ids: null, bits }
}

/** 4-byte words a kept list takes. */
export const keptSize = (list: KeptList) => (list.ids ?? list.bits).length

/** Ids in all the lists, below `beforeId`, newest first, at most `limit`. */
export function intersectNewestFirst(lists: readonly KeptList[], beforeId: number, limit: number): number[] {
  const [rarest, ...others] = [...lists].sort((x, y) => x.count - y.count)
  const ids: number[] = []
  if (!rarest || limit <= 0) return ids
  /** For each other list of ids, how many of them may still be a later candidate (an exclusive end). */
  const ends = others.map((list) => list.ids?.length ?? 0)
  /** 1 when every other list holds the id, 0 when one does not, -1 when one holds no id up to it (nothing later can match). */
  function inOthers(id: number): number {
    for (let k = 0; k < others.length; k++) {
      const { ids: list, bits } = others[k] as KeptList
      if (bits) {
        if (((bits[id >>> 5] ?? 0) & (1 << (id & 31))) === 0) return 0
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
      if (end === 0) return -1
      if (list[end - 1] !== id) return 0
    }
    return 1
  }
  if (rarest.ids) {
    for (let i = below(rarest.ids, beforeId, rarest.ids.length) - 1; i >= 0; i--) {
      const id = rarest.ids[i] as number
      const found = inOthers(id)
      if (found < 0 || (found > 0 && ids.push(id) === limit)) break
    }
    return ids
  }
  const top = Math.min(beforeId - 1, rarest.bits.length * 32 - 1)
  for (let w = top >>> 5; top >= 0 && w >= 0; w--) {
    let word = rarest.bits[w] as number
    // The highest word is cut at the bound.
    if (w === top >>> 5 && (top & 31) !== 31) word &= (1 << ((top & 31) + 1)) - 1
    while (word !== 0) {
      const bit = 31 - Math.clz32(word)
      word &= ~(1 << bit)
      const id = w * 32 + bit
      const found = inOthers(id)
      if (found < 0 || (found > 0 && ids.push(id) === limit)) return ids
    }
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
