import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freeSlotsAround } from '../../src/renderer/features/graph/cy/free-slots.ts'
import { separateBoxes, type Boxes } from '../../src/renderer/features/graph/cy/separate-boxes.ts'
import { treeLayout } from '../../src/renderer/features/graph/cy/tree-layout.ts'
import { propertyRun } from '../helpers/fast-check-seed.ts'

const GAP = 6

function boxesFrom(items: { x: number; y: number; w: number; h: number; fixed: boolean }[]): Boxes {
  return {
    count: items.length,
    x: Float64Array.from(items.map((item) => item.x)),
    y: Float64Array.from(items.map((item) => item.y)),
    halfWidth: Float64Array.from(items.map((item) => item.w / 2)),
    halfHeight: Float64Array.from(items.map((item) => item.h / 2)),
    fixed: Uint8Array.from(items.map((item) => (item.fixed ? 1 : 0))),
  }
}

/** Pairs closer than `gap` on both axes, by brute force (the code under test uses a grid). */
function overlappingPairs(b: Boxes, gap: number): number {
  let pairs = 0
  for (let i = 0; i < b.count; i++) {
    for (let j = i + 1; j < b.count; j++) {
      const ox = b.halfWidth[i]! + b.halfWidth[j]! + gap - Math.abs(b.x[i]! - b.x[j]!)
      const oy = b.halfHeight[i]! + b.halfHeight[j]! + gap - Math.abs(b.y[i]! - b.y[j]!)
      if (ox > 1e-6 && oy > 1e-6) pairs++
    }
  }
  return pairs
}

const item = fc.record({
  x: fc.integer({ min: -60, max: 60 }),
  y: fc.integer({ min: -60, max: 60 }),
  w: fc.integer({ min: 4, max: 120 }),
  h: fc.integer({ min: 4, max: 40 }),
  fixed: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
})

describe('box separation', () => {
  it('leaves no two boxes closer than the gap and never moves a fixed box, on any pile (duplicates included)', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 150 }), (items) => {
        // Fixed boxes may overlap each other (two pinned nodes); only the rest is asked to move.
        const fixedOnes = items.filter((entry) => entry.fixed)
        const b = boxesFrom(items)
        const before = boxesFrom(items)
        separateBoxes(b, GAP)
        for (let i = 0; i < b.count; i++) {
          if (!b.fixed[i]) continue
          expect([b.x[i], b.y[i]]).toEqual([before.x[i], before.y[i]])
        }
        expect(overlappingPairs(b, GAP - 0.01)).toBe(overlappingPairs(boxesFrom(fixedOnes), GAP - 0.01))
      }),
      propertyRun('separate-boxes', 150),
    )
  })

  it('separates 2,000 boxes piled on one point', () => {
    const b = boxesFrom(Array.from({ length: 2000 }, (_, i) => ({ x: 0, y: 0, w: 18, h: i % 10 === 0 ? 40 : 18, fixed: false })))
    separateBoxes(b, GAP)
    expect(overlappingPairs(b, GAP - 0.01)).toBe(0)
  })
})

describe('free slots', () => {
  it('gives places that meet neither the occupied boxes nor each other', () => {
    const occupied = Array.from({ length: 40 }, (_, i) => ({ x1: (i % 8) * 30 - 120, x2: (i % 8) * 30 - 100, y1: Math.floor(i / 8) * 30 - 75, y2: Math.floor(i / 8) * 30 - 55 }))
    const sizes = Array.from({ length: 60 }, (_, i) => ({ width: 18 + (i % 3) * 30, height: 18 }))
    const slots = freeSlotsAround({ x: 0, y: 0 }, sizes, occupied, GAP, 30)
    expect(slots).toHaveLength(60)
    const rects = slots.map((slot, i) => ({ x1: slot.x - sizes[i]!.width / 2, x2: slot.x + sizes[i]!.width / 2, y1: slot.y - 9, y2: slot.y + 9 }))
    const meet = (a: typeof rects[number], b: typeof rects[number]) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2
    for (const [i, rect] of rects.entries()) {
      expect(occupied.some((box) => meet(rect, box))).toBe(false)
      expect(rects.some((other, j) => j !== i && meet(rect, other))).toBe(false)
    }
  })
})

describe('breadth-first tree layout', () => {
  it('roots each component at its highest-degree node and wraps a hub\'s 50 children onto rows, level below level', () => {
    // A hub with 50 leaves, one of which has 3 children of its own; plus a separate pair.
    const links: number[] = []
    for (let i = 1; i <= 50; i++) links.push(0, i)
    links.push(1, 51, 1, 52, 1, 53, 54, 55)
    const count = 56
    const positions = treeLayout({ count, links, width: new Array(count).fill(18), height: new Array(count).fill(18), preferredRoot: -1, gap: 12 })
    const y = (i: number) => positions[2 * i + 1]!
    const x = (i: number) => positions[2 * i]!
    for (let i = 1; i <= 50; i++) expect(y(i)).toBeGreaterThan(y(0))
    for (const grandchild of [51, 52, 53]) expect(y(grandchild)).toBeGreaterThan(Math.max(...Array.from({ length: 50 }, (_, i) => y(i + 1))))
    const childRows = new Set(Array.from({ length: 50 }, (_, i) => y(i + 1)))
    expect(childRows.size).toBeGreaterThan(1)
    expect(Math.max(...Array.from({ length: 50 }, (_, i) => x(i + 1))) - Math.min(...Array.from({ length: 50 }, (_, i) => x(i + 1)))).toBeLessThan(50 * 30 / 2)
  })

  it('roots at the preferred node when given', () => {
    const positions = treeLayout({ count: 3, links: [0, 1, 1, 2], width: [18, 18, 18], height: [18, 18, 18], preferredRoot: 2, gap: 12 })
    expect(positions[5]).toBeLessThan(positions[3]!)
    expect(positions[3]).toBeLessThan(positions[1]!)
  })
})
