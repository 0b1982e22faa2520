import type { TestEdge } from './reference.ts'

/** A planted-partition graph: `groups` blocks of `size` nodes, dense inside (pIn), sparse between (pOut). */
export function plantedPartition(random: () => number, groups: number, size: number, pIn: number, pOut: number): { n: number; edges: TestEdge[]; planted: number[] } {
  const n = groups * size
  const planted = Array.from({ length: n }, (_, i) => Math.floor(i / size))
  const edges: TestEdge[] = []
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (random() < (planted[a] === planted[b] ? pIn : pOut)) edges.push({ s: a, t: b, w: 1 })
    }
  }
  return { n, edges, planted }
}
