import { describe, expect, it } from 'vitest'
import type { LayoutRequest } from '../../src/renderer/features/graph/cy/layout-protocol.ts'
import { labelScaleClass, labelScaleFor, labelScaleLevel, LABEL_SCALE_LEVELS } from '../../src/renderer/features/graph/cy/label-scale.ts'
import { separatePositions } from '../../src/renderer/features/graph/cy/separate-positions.ts'
import { graphStyle } from '../../src/renderer/features/graph/cy/style.ts'

/** A pile of `count` nodes around the origin, each with a label box below it (offset down by 8). */
function pileRequest(count: number, pinned: number[]): LayoutRequest {
  const positions = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    positions[2 * i] = (i % 7) * 3
    positions[2 * i + 1] = Math.floor(i / 7) * 3
  }
  const fixed = new Uint8Array(count)
  for (const i of pinned) fixed[i] = 1
  const full = (value: number) => new Float64Array(count).fill(value)
  return { kind: 'run', algorithm: 'force', nodeCount: count, positions, fixed, links: new Uint32Array(0), spacing: 28, boxes: { halfWidth: full(20), halfHeight: full(17), offsetX: full(0), offsetY: full(8), gap: 6 } }
}

describe('separatePositions (the layout worker’s final separation)', () => {
  it('leaves no two boxes (offset from their nodes) closer than the gap, and keeps pinned nodes', () => {
    const request = pileRequest(300, [0, 150])
    const before = Float64Array.from(request.positions)
    const positions = Float64Array.from(request.positions)
    separatePositions(request, positions)
    const { halfWidth, halfHeight, gap } = request.boxes
    let overlaps = 0
    for (let i = 0; i < 300; i++) {
      for (let j = i + 1; j < 300; j++) {
        // The offset is the same for every node here, so it cancels out between two boxes.
        const ox = halfWidth[i]! + halfWidth[j]! + gap - Math.abs(positions[2 * i]! - positions[2 * j]!)
        const oy = halfHeight[i]! + halfHeight[j]! + gap - Math.abs(positions[2 * i + 1]! - positions[2 * j + 1]!)
        if (ox > 1e-6 && oy > 1e-6) overlaps++
      }
    }
    expect(overlaps).toBe(0)
    for (const i of [0, 150]) expect([positions[2 * i], positions[2 * i + 1]]).toEqual([before[2 * i], before[2 * i + 1]])
  })
})

describe('label scale levels', () => {
  it('keeps labels at their screen size past zoom 1, a level per quarter of zoom, up to the maximum zoom', () => {
    expect(labelScaleLevel(0.2)).toBe(0)
    expect(labelScaleLevel(1)).toBe(0)
    expect(labelScaleLevel(1.3)).toBe(1)
    expect(labelScaleLevel(5)).toBe(LABEL_SCALE_LEVELS - 1)
    for (const zoom of [1.3, 2, 3.1, 5]) expect(labelScaleFor(zoom) * zoom).toBeGreaterThanOrEqual(1)
    for (const zoom of [1.3, 2, 3.1, 5]) expect(labelScaleFor(zoom) * zoom).toBeLessThan(1.25)
  })

  it('has a style rule for every level above 0, in both stylesheets', () => {
    for (const simple of [false, true]) {
      const selectors = graphStyle({ simple }).map((rule) => rule.selector)
      for (let level = 1; level < LABEL_SCALE_LEVELS; level++) expect(selectors).toContain(`node.${labelScaleClass(level)}`)
    }
  })
})
