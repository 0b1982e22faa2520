import type { AnalysisGraph, Orientation } from '../analysis-graph.ts'
import { followed } from '../analysis-graph.ts'
import type { Pacer } from '../pacer.ts'
import { numberBySize } from './groups.ts'
import type { MetricResult } from './result.ts'

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    const grand = parent[parent[i]!]!
    parent[i] = grand
    i = grand
  }
  return i
}

/** Weakly connected components (edge direction ignored) by union–find; group 0 is the largest. */
export async function weakComponents(graph: AnalysisGraph, pacer: Pacer): Promise<MetricResult> {
  const { n, out } = graph
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  pacer.phase = 'joining'
  for (let i = 0; i < n; i++) {
    const end = out.offsets[i + 1]!
    for (let s = out.offsets[i]!; s < end; s++) {
      const a = find(parent, i)
      const b = find(parent, out.targets[s]!)
      if (a === b) continue
      // The lower root wins, which keeps the trees shallow enough with path halving.
      if (a < b) parent[b] = a
      else parent[a] = b
    }
    if ((i & 0xffff) === 0) await pacer.turn(i, n)
  }
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) labels[i] = find(parent, i)
  const { values, sizes } = numberBySize(labels, n)
  return { values, summary: { groups: sizes.length, largestGroup: sizes[0] ?? 0 } }
}

/** Strongly connected components along `direction` (iterative Tarjan); group 0 is the largest. */
export async function strongComponents(graph: AnalysisGraph, direction: Orientation, pacer: Pacer): Promise<MetricResult> {
  if (direction === 'both') return weakComponents(graph, pacer)
  const { n } = graph
  const { offsets, targets } = followed(graph, direction).forward
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  const callNode = new Int32Array(n)
  const callSlot = new Uint32Array(n)
  const labels = new Int32Array(n)
  let stackSize = 0
  let counter = 0
  let groups = 0
  pacer.phase = 'searching'
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    let depth = 0
    callNode[0] = root
    callSlot[0] = offsets[root]!
    index[root] = low[root] = counter++
    stack[stackSize++] = root
    onStack[root] = 1
    while (depth >= 0) {
      const v = callNode[depth]!
      const slot = callSlot[depth]!
      if (slot < offsets[v + 1]!) {
        callSlot[depth] = slot + 1
        const w = targets[slot]!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack[stackSize++] = w
          onStack[w] = 1
          depth++
          callNode[depth] = w
          callSlot[depth] = offsets[w]!
        } else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!
        continue
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack[--stackSize]!
          onStack[w] = 0
          labels[w] = groups
        } while (w !== v)
        groups++
      }
      depth--
      if (depth >= 0) {
        const parent = callNode[depth]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
    }
    if (pacer.due()) await pacer.turn(counter, n)
  }
  const { values, sizes } = numberBySize(labels, groups)
  return { values, summary: { groups: sizes.length, largestGroup: sizes[0] ?? 0 } }
}
