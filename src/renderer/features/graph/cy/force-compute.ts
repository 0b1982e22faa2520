import { applyManyBody, buildQuadTree, createQuadTree } from './barnes-hut.ts'

export interface ForceInput {
  nodeCount: number
  positions: Float64Array
  fixed: Uint8Array
  links: Uint32Array
}

/** Fewer ticks for big graphs: each is O(n log n), and 150 settle a 5,000-node view well. */
export const ticksFor = (nodeCount: number): number => (nodeCount <= 1000 ? 300 : nodeCount <= 10_000 ? 150 : 100)
const TICKS_PER_SLICE = 5
const CHARGE = -40
const LINK_DISTANCE = 40
const GRAVITY = 0.03
const VELOCITY_KEEP = 0.6

/** d3-force's starting spiral for nodes without a position. */
function initialPositions({ nodeCount, positions }: ForceInput, xs: Float64Array, ys: Float64Array): void {
  const angle = Math.PI * (3 - Math.sqrt(5))
  for (let i = 0; i < nodeCount; i++) {
    const x = positions[2 * i] as number
    const y = positions[2 * i + 1] as number
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs[i] = x
      ys[i] = y
    } else {
      const radius = 10 * Math.sqrt(0.5 + i)
      xs[i] = radius * Math.cos(i * angle)
      ys[i] = radius * Math.sin(i * angle)
    }
  }
}

/**
 * A force-directed layout with d3-force's model (many-body repulsion by Barnes–Hut, springs with
 * degree-based strength and bias, a weak pull to the centre, velocity decay), on typed arrays. Runs
 * in slices so the caller can report progress and stop between them. Resolves with x, y per node.
 */
export async function computeForceLayout(
  input: ForceInput,
  { onProgress, shouldStop, yieldToEvents }: { onProgress(done: number, total: number): void; shouldStop(): boolean; yieldToEvents(): Promise<void> },
): Promise<{ positions: Float64Array; stopped: boolean }> {
  const { nodeCount: n, fixed, links } = input
  const xs = new Float64Array(n), ys = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n)
  initialPositions(input, xs, ys)
  const degree = new Float64Array(n)
  for (let i = 0; i < links.length; i++) degree[links[i] as number]! += 1
  let tree = createQuadTree(Math.max(16, n * 2))
  const stack = new Int32Array(512)

  const ticks = ticksFor(n)
  const alphaMin = 0.001
  const alphaDecay = 1 - Math.pow(alphaMin, 1 / ticks)
  let alpha = 1
  const tick = () => {
    alpha += -alpha * alphaDecay
    tree = buildQuadTree(tree, xs, ys, n)
    applyManyBody(tree, xs, ys, vx, vy, n, { strength: CHARGE, alpha, theta: 0.9, distanceMax: 800 }, stack)
    for (let l = 0; l + 1 < links.length; l += 2) {
      const s = links[l] as number, t = links[l + 1] as number
      let dx = (xs[t] as number) + (vx[t] as number) - (xs[s] as number) - (vx[s] as number)
      let dy = (ys[t] as number) + (vy[t] as number) - (ys[s] as number) - (vy[s] as number)
      if (dx === 0 && dy === 0) dx = 1e-6 * (l + 1)
      const length = Math.sqrt(dx * dx + dy * dy)
      const strength = 1 / Math.min(degree[s] as number, degree[t] as number)
      const k = ((length - LINK_DISTANCE) / length) * alpha * strength
      dx *= k
      dy *= k
      const bias = (degree[s] as number) / ((degree[s] as number) + (degree[t] as number))
      vx[t]! -= dx * bias
      vy[t]! -= dy * bias
      vx[s]! += dx * (1 - bias)
      vy[s]! += dy * (1 - bias)
    }
    for (let i = 0; i < n; i++) {
      if (fixed[i]) {
        vx[i] = 0
        vy[i] = 0
        continue
      }
      vx[i] = ((vx[i] as number) - (xs[i] as number) * GRAVITY * alpha) * VELOCITY_KEEP
      vy[i] = ((vy[i] as number) - (ys[i] as number) * GRAVITY * alpha) * VELOCITY_KEEP
      xs[i]! += vx[i] as number
      ys[i]! += vy[i] as number
    }
  }

  let done = 0
  let stopped = false
  while (done < ticks) {
    const slice = Math.min(TICKS_PER_SLICE, ticks - done)
    for (let i = 0; i < slice; i++) tick()
    done += slice
    onProgress(done, ticks)
    await yieldToEvents()
    if (shouldStop()) {
      stopped = true
      break
    }
  }
  const result = new Float64Array(n * 2)
  for (let i = 0; i < n; i++) {
    result[2 * i] = xs[i] as number
    result[2 * i + 1] = ys[i] as number
  }
  return { positions: result, stopped }
}
