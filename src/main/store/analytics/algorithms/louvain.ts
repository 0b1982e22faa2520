import type { AnalysisGraph } from '../analysis-graph.ts'
import { undirectedRows } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import { seededRandom, shuffledIndexes } from '../random.ts'
import { numberBySize } from './groups.ts'
import { aggregate, levelOf, type Level } from './louvain-level.ts'
import type { MetricResult } from './result.ts'

export interface LouvainOptions {
  resolution: number
  weighted: boolean
  seed: number
}

const MAX_LEVELS = 64

/**
 * Moves nodes between communities while modularity grows, revisiting only the neighbours of nodes
 * that moved (a queue, as graphology's fastLocalMoves and Traag's Leiden do). Returns community
 * labels 0 .. count - 1 and whether anything moved.
 */
async function moveNodes(level: Level, resolution: number, random: () => number, pacer: Pacer): Promise<{ community: Int32Array; count: number; moved: boolean }> {
  const { n, offsets, targets, weights, strength } = level
  let m2 = 0
  for (let i = 0; i < n; i++) m2 += strength[i]!
  const community = new Int32Array(n)
  const total = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    community[i] = i
    total[i] = strength[i]!
  }
  const weightTo = new Float64Array(n)
  const seen = new Int32Array(n).fill(-1)
  const touched = new Int32Array(n)
  // A ring buffer of nodes to visit; `queued` keeps each in it at most once.
  const queue = shuffledIndexes(n, random)
  const queued = new Uint8Array(n).fill(1)
  let head = 0
  let size = n
  let moved = false
  let visits = 0
  while (size > 0 && m2 > 0) {
    const i = queue[head]!
    head = head + 1 === n ? 0 : head + 1
    size--
    queued[i] = 0
    const stamp = ++visits
    const own = community[i]!
    const k = strength[i]!
    let touchedCount = 0
    for (let s = offsets[i]!; s < offsets[i + 1]!; s++) {
      const c = community[targets[s]!]!
      if (seen[c] !== stamp) {
        seen[c] = stamp
        weightTo[c] = 0
        touched[touchedCount++] = c
      }
      weightTo[c]! += weights[s]!
    }
    total[own]! -= k
    const scale = (resolution * k) / m2
    let best = own
    let bestGain = (seen[own] === stamp ? weightTo[own]! : 0) - total[own]! * scale
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t]!
      const gain = weightTo[c]! - total[c]! * scale
      if (gain > bestGain + 1e-12) {
        best = c
        bestGain = gain
      }
    }
    total[best]! += k
    if (best !== own) {
      community[i] = best
      moved = true
      for (let s = offsets[i]!; s < offsets[i + 1]!; s++) {
        const j = targets[s]!
        if (queued[j] === 1 || community[j] === best) continue
        queued[j] = 1
        queue[(head + size) % n] = j
        size++
      }
    }
    if ((visits & 0xfff) === 0) await pacer.turn(visits, null)
  }
  const renamed = new Int32Array(n).fill(-1)
  let count = 0
  for (let i = 0; i < n; i++) {
    const c = community[i]!
    if (renamed[c] === -1) renamed[c] = count++
    community[i] = renamed[c]!
  }
  return { community, count, moved }
}

/** Modularity of a partition of the undirected graph (rows with each edge at both ends, loops twice). */
export function modularityOf(rows: { offsets: Uint32Array; targets: Int32Array; weights: Float64Array }, community: ArrayLike<number>, groups: number, resolution: number): number {
  const n = rows.offsets.length - 1
  const inside = new Float64Array(groups)
  const total = new Float64Array(groups)
  let m2 = 0
  for (let i = 0; i < n; i++) {
    const c = community[i]!
    for (let s = rows.offsets[i]!; s < rows.offsets[i + 1]!; s++) {
      const w = rows.weights[s]!
      m2 += w
      total[c]! += w
      if (community[rows.targets[s]!] === c) inside[c]! += w
    }
  }
  if (m2 === 0) return 0
  let q = 0
  for (let c = 0; c < groups; c++) q += inside[c]! / m2 - resolution * (total[c]! / m2) ** 2
  return q
}

/** Louvain communities on the graph taken as undirected (edge weights summed if `weighted`, else 1 each). */
export async function louvain(graph: AnalysisGraph, options: LouvainOptions, pacer: Pacer): Promise<MetricResult> {
  const both = undirectedRows(graph)
  const rows = options.weighted ? both : { ...both, weights: new Float64Array(both.targets.length).fill(1) }
  const random = seededRandom(options.seed)
  let level = levelOf(rows.offsets, rows.targets, rows.weights)
  const assignment = new Int32Array(graph.n)
  for (let i = 0; i < graph.n; i++) assignment[i] = i
  let levels = 0
  pacer.phase = 'moving nodes'
  while (levels < MAX_LEVELS) {
    const { community, count, moved } = await moveNodes(level, options.resolution, random, pacer)
    levels++
    if (!moved) break
    for (let i = 0; i < graph.n; i++) assignment[i] = community[assignment[i]!]!
    level = aggregate(level, community, count)
    await pacer.turn(levels, null)
  }
  const { values, sizes } = numberBySize(assignment, graph.n)
  const modularity = modularityOf(rows, values, sizes.length, options.resolution)
  return { values, summary: { modularity, groups: sizes.length, largestGroup: sizes[0] ?? 0, iterations: levels } }
}
