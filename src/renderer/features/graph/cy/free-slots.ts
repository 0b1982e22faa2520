export interface Point {
  x: number
  y: number
}

export interface Rect {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface SlotSize {
  width: number
  height: number
}

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2

/** Rectangles in a uniform grid of `cell`-sized buckets, for quick "does this meet anything" tests. */
export function createRectIndex(cell: number) {
  const cells = new Map<number, Rect[]>()
  // Numeric keys: building strings dominated the cost on thousands of tests.
  const key = (cx: number, cy: number) => cx * 1_048_576 + cy
  const each = (rect: Rect, fn: (key: number) => boolean | void): boolean => {
    for (let cx = Math.floor(rect.x1 / cell); cx <= Math.floor(rect.x2 / cell); cx++) {
      for (let cy = Math.floor(rect.y1 / cell); cy <= Math.floor(rect.y2 / cell); cy++) if (fn(key(cx, cy))) return true
    }
    return false
  }
  return {
    add(rect: Rect): void {
      each(rect, (k) => {
        const list = cells.get(k)
        if (list) list.push(rect)
        else cells.set(k, [rect])
      })
    },
    meets: (rect: Rect): boolean => each(rect, (k) => cells.get(k)?.some((other) => overlaps(rect, other)) ?? false),
  }
}

/** Slots on a ring that faces a direction: within a half-turn sector around it, nearest to it first. */
export interface Facing {
  /** Radians, as Math.atan2 gives them. */
  angle: number
  /** How far either side of `angle` slots may go, in radians. */
  spread: number
}

/** The ring's slot numbers in the order they are tried: all of them round from `turn`, or those within `facing`, nearest first. */
function slotOrder(steps: number, turn: number, facing: Facing | undefined): number[] {
  const all = Array.from({ length: steps }, (_, step) => step)
  if (!facing) return all
  const offset = (step: number) => {
    const angle = (2 * Math.PI * (step + turn)) / steps - facing.angle
    return Math.abs(Math.atan2(Math.sin(angle), Math.cos(angle)))
  }
  return all.filter((step) => offset(step) <= facing.spread).sort((a, b) => offset(a) - offset(b) || a - b)
}

/**
 * Free places around `centre` for boxes of the given sizes (centred on the returned points): tried on
 * rings of growing radius, each ring's slots as close as their width allows, skipping any place whose
 * box (grown by `gap`) meets an occupied one or a slot already given. With `facing`, only the ring's
 * part turned that way is used (a node's children fan out away from where it hangs). Deterministic.
 */
export function freeSlotsAround(centre: Point, sizes: SlotSize[], occupied: Rect[], gap: number, firstRadius: number, facing?: Facing): Point[] {
  const largest = sizes.reduce((max, size) => Math.max(max, size.width, size.height), 1)
  const index = createRectIndex(largest + gap)
  for (const rect of occupied) index.add(rect)
  const slots: Point[] = []
  let radius = firstRadius
  const radialStep = Math.max(...sizes.map((size) => size.height), 1) / 2 + gap
  // Bounded: each ring of radius r offers about 2πr/width slots, so the rings needed grow like √count.
  for (let ring = 0; slots.length < sizes.length && ring < 10_000; ring++, radius += radialStep) {
    const size = sizes[slots.length]!
    const steps = Math.max(6, Math.floor((2 * Math.PI * radius) / (size.width + gap)))
    const turn = ring * 0.61803 // staggered start, so that rings do not line their slots up
    for (const step of slotOrder(steps, turn, facing)) {
      if (slots.length === sizes.length) break
      const angle = (2 * Math.PI * (step + turn)) / steps
      const { width, height } = sizes[slots.length]!
      const point = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) }
      const rect = { x1: point.x - width / 2 - gap, x2: point.x + width / 2 + gap, y1: point.y - height / 2 - gap, y2: point.y + height / 2 + gap }
      if (index.meets(rect)) continue
      index.add(rect)
      slots.push(point)
    }
  }
  return slots
}
