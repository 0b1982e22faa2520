import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyManyBody, buildQuadTree, createQuadTree } from '../../src/renderer/features/graph/cy/barnes-hut.ts'
import { computeForceLayout, ticksFor } from '../../src/renderer/features/graph/cy/force-compute.ts'
import { propertyRun } from '../helpers/fast-check-seed.ts'

const noYield = () => Promise.resolve()

function ringWithTail(n: number) {
  const links: number[] = []
  for (let i = 0; i < n; i++) links.push(i, (i + 1) % n)
  return { nodeCount: n + 1, positions: new Float64Array((n + 1) * 2).fill(Number.NaN), fixed: new Uint8Array(n + 1), links: Uint32Array.from(links), spacing: 28 }
}

const distance = (p: Float64Array, a: number, b: number) => Math.hypot((p[2 * a] as number) - (p[2 * b] as number), (p[2 * a + 1] as number) - (p[2 * b + 1] as number))

describe('force layout computation', () => {
  it('gives finite positions and puts linked nodes closer than the unlinked one', async () => {
    const input = ringWithTail(30)
    const progress: number[] = []
    const { positions, stopped } = await computeForceLayout(input, { onProgress: (done) => progress.push(done), shouldStop: () => false, yieldToEvents: noYield })
    expect(stopped).toBe(false)
    expect([...positions].every(Number.isFinite)).toBe(true)
    expect(progress.at(-1)).toBe(ticksFor(31))
    const neighbours = Array.from({ length: 30 }, (_, i) => distance(positions, i, (i + 1) % 30))
    const meanNeighbour = neighbours.reduce((a, b) => a + b, 0) / neighbours.length
    expect(meanNeighbour).toBeLessThan(100)
    expect(meanNeighbour).toBeGreaterThan(5)
  })

  it('keeps pinned nodes where they are', async () => {
    const input = ringWithTail(10)
    input.positions[0] = 500
    input.positions[1] = -250
    input.fixed[0] = 1
    const { positions } = await computeForceLayout(input, { onProgress() {}, shouldStop: () => false, yieldToEvents: noYield })
    expect([positions[0], positions[1]]).toEqual([500, -250])
  })

  it('stops between slices when asked and still returns positions', async () => {
    let slices = 0
    const { positions, stopped } = await computeForceLayout(ringWithTail(20), {
      onProgress() {
        slices++
      },
      shouldStop: () => slices >= 2,
      yieldToEvents: noYield,
    })
    expect(stopped).toBe(true)
    expect(slices).toBe(2)
    expect(positions).toHaveLength(42)
  })
})

describe('Barnes–Hut many-body force', () => {
  const bruteForce = (xs: Float64Array, ys: Float64Array, n: number, k: number) => {
    const fx = new Float64Array(n), fy = new Float64Array(n), magnitude = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue
        const dx = (xs[j] as number) - (xs[i] as number), dy = (ys[j] as number) - (ys[i] as number)
        let l = dx * dx + dy * dy
        if (l < 1) l = Math.sqrt(l) || 1
        fx[i]! += (dx * k) / l
        fy[i]! += (dy * k) / l
        magnitude[i]! += Math.abs(k) * Math.hypot(dx, dy) / l
      }
    }
    return { fx, fy, magnitude }
  }

  it('equals the exact sum with theta 0 and stays close with theta 0.9, on any points (duplicates included)', () => {
    const point = fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }))
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 120 }), (points) => {
        const n = points.length
        const xs = Float64Array.from(points.map(([x]) => x)), ys = Float64Array.from(points.map(([, y]) => y))
        const exact = bruteForce(xs, ys, n, -30)
        const tree = buildQuadTree(createQuadTree(4), xs, ys, n)
        const run = (theta: number) => {
          const vx = new Float64Array(n), vy = new Float64Array(n)
          applyManyBody(tree, xs, ys, vx, vy, n, { strength: -30, alpha: 1, theta, distanceMax: Infinity }, new Int32Array(512))
          return { vx, vy }
        }
        const sharp = run(0)
        const rough = run(0.9)
        for (let i = 0; i < n; i++) {
          const same = points.filter(([x, y]) => x === points[i]![0] && y === points[i]![1]).length > 1
          if (same) continue // coincident bodies share a leaf; their mutual push is zero either way
          expect(sharp.vx[i]).toBeCloseTo(exact.fx[i]!, 6)
          expect(sharp.vy[i]).toBeCloseTo(exact.fy[i]!, 6)
          // Measured against the sum of the pushes' sizes: a net force that nearly cancels has no scale of its own.
          expect(Math.hypot(rough.vx[i]! - exact.fx[i]!, rough.vy[i]! - exact.fy[i]!)).toBeLessThanOrEqual(0.35 * exact.magnitude[i]! + 1e-9)
        }
      }),
      propertyRun('barnes-hut', 100),
    )
  })
})
