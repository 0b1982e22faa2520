/** Axis-aligned boxes by centre and half size, as parallel arrays (one entry per node). */
export interface Boxes {
  count: number
  x: Float64Array
  y: Float64Array
  halfWidth: Float64Array
  halfHeight: Float64Array
  /** 1: the box must not move (pinned nodes, or nodes already on screen during an expansion). */
  fixed: Uint8Array
}

import { createRectIndex, type Rect } from './free-slots.ts'

export const MAX_SEPARATION_PASSES = 150
const PILE_PASSES = 4

/**
 * Pushes overlapping boxes apart until every pair is at least `gap` apart on one axis: each pass finds
 * the overlapping pairs through a uniform grid and moves both boxes (or only the free one) half the
 * overlap along the axis where it is smaller. A dense pile (a spectral layout's, say) can outlast
 * MAX_SEPARATION_PASSES: then every box still overlapping moves to the nearest free place (settleRest).
 * Deterministic (index order, no randomness); returns the passes used, or -1 if settleRest had to run.
 */
export function separateBoxes(boxes: Boxes, gap: number): number {
  const { count, x, y, halfWidth, halfHeight, fixed } = boxes
  if (count < 2) return 0
  let maxHalf = 0
  for (let i = 0; i < count; i++) maxHalf = Math.max(maxHalf, halfWidth[i] as number, halfHeight[i] as number)
  const cell = 2 * maxHalf + gap
  const buckets = new Map<number, number[]>()
  const key = (cx: number, cy: number) => cx * 73_856_093 + cy * 19_349_663

  for (let pass = 0; pass < MAX_SEPARATION_PASSES; pass++) {
    buckets.clear()
    for (let i = 0; i < count; i++) {
      const k = key(Math.floor((x[i] as number) / cell), Math.floor((y[i] as number) / cell))
      const bucket = buckets.get(k)
      if (bucket) bucket.push(i)
      else buckets.set(k, [i])
    }
    let pushes = 0
    for (let i = 0; i < count; i++) {
      const cx = Math.floor((x[i] as number) / cell), cy = Math.floor((y[i] as number) / cell)
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const bucket = buckets.get(key(cx + dx, cy + dy))
          if (!bucket) continue
          for (const j of bucket) {
            if (j <= i || (fixed[i] && fixed[j])) continue
            if (pushApart(boxes, i, j, gap)) pushes++
          }
        }
      }
    }
    if (pushes === 0) return pass
    // Still a pile after a few passes: pairwise pushing would take hundreds more (each O(pile²)).
    if (pass >= PILE_PASSES && pushes > count / 8) break
  }
  settleRest(boxes, gap)
  return -1
}

const rectOf = ({ x, y, halfWidth, halfHeight }: Boxes, i: number, grow: number): Rect => ({
  x1: (x[i] as number) - (halfWidth[i] as number) - grow,
  x2: (x[i] as number) + (halfWidth[i] as number) + grow,
  y1: (y[i] as number) - (halfHeight[i] as number) - grow,
  y2: (y[i] as number) + (halfHeight[i] as number) + grow,
})

/** Keeps fixed boxes, then each other box in index order where it is if free, else at the nearest free place. */
function settleRest(boxes: Boxes, gap: number): void {
  const { count, x, y, halfWidth, halfHeight, fixed } = boxes
  let largest = 1
  for (let i = 0; i < count; i++) largest = Math.max(largest, 2 * (halfWidth[i] as number), 2 * (halfHeight[i] as number))
  const placed = createRectIndex(largest + gap)
  const half = gap / 2 + 0.005
  for (let i = 0; i < count; i++) if (fixed[i]) placed.add(rectOf(boxes, i, half))
  // Boxes piled on one spot search outward from where the previous one of that spot was put.
  const startRing = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    if (fixed[i]) continue
    const w = halfWidth[i] as number, h = halfHeight[i] as number
    const cx = x[i] as number, cy = y[i] as number
    const at = (px: number, py: number): Rect => ({ x1: px - w - half, x2: px + w + half, y1: py - h - half, y2: py + h + half })
    // Rings of growing radius around where the box is; each ring's places a box-width apart.
    const step = Math.min(w, h) + half
    const spot = `${Math.round(cx)},${Math.round(cy)}`
    let ring = startRing.get(spot) ?? 0
    for (let radius = ring * step; placed.meets(at(x[i] as number, y[i] as number)); ring++, radius += step) {
      const places = Math.max(1, Math.floor((2 * Math.PI * radius) / step))
      for (let k = 0; k < places; k++) {
        const angle = (2 * Math.PI * k) / places + ring * 0.5
        x[i] = cx + radius * Math.cos(angle)
        y[i] = cy + radius * Math.sin(angle)
        if (!placed.meets(at(x[i] as number, y[i] as number))) break
      }
    }
    startRing.set(spot, Math.max(0, ring - 1))
    placed.add(rectOf(boxes, i, half))
  }
}

/** Moves i and j apart if they overlap (with gap); true if they did. */
function pushApart({ x, y, halfWidth, halfHeight, fixed }: Boxes, i: number, j: number, gap: number): boolean {
  const dx = (x[j] as number) - (x[i] as number)
  const dy = (y[j] as number) - (y[i] as number)
  const overlapX = (halfWidth[i] as number) + (halfWidth[j] as number) + gap - Math.abs(dx)
  const overlapY = (halfHeight[i] as number) + (halfHeight[j] as number) + gap - Math.abs(dy)
  if (overlapX <= 0 || overlapY <= 0) return false
  // Coinciding centres get a direction from their indices, so that the result stays deterministic.
  const alongX = overlapX / Math.max(halfWidth[i] as number, halfWidth[j] as number, 1) <= overlapY / Math.max(halfHeight[i] as number, halfHeight[j] as number, 1)
  const sign = (d: number) => (d > 0 ? 1 : d < 0 ? -1 : (i + j) % 2 === 0 ? 1 : -1)
  // A hair more than the overlap, so that floating-point rounding cannot leave the pair touching.
  const shift = (alongX ? overlapX : overlapY) + 0.01
  const shareI = fixed[i] ? 0 : fixed[j] ? 1 : 0.5
  const shareJ = 1 - shareI
  if (alongX) {
    const s = sign(dx)
    x[i] = (x[i] as number) - s * shift * shareI
    x[j] = (x[j] as number) + s * shift * shareJ
  } else {
    const s = sign(dy)
    y[i] = (y[i] as number) - s * shift * shareI
    y[j] = (y[j] as number) + s * shift * shareJ
  }
  return true
}
