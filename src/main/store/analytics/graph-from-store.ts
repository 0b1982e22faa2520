import type { MetricScope } from '../../../shared/analytics.ts'
import type { Db } from '../db.ts'
import { adjacencyOf } from '../graph/cache.ts'
import { latestBatchId } from '../repos/adjacency.ts'
import { nodeIdsOfTypes } from '../repos/graph-nodes.ts'
import { graphFromEdges, type AnalysisGraph } from './analysis-graph.ts'

/** Grows parallel edge arrays without an object per edge. */
class EdgeColumns {
  length = 0
  source = new Int32Array(1024)
  target = new Int32Array(1024)
  weight = new Float64Array(1024)

  push(s: number, t: number, w: number): void {
    if (this.length === this.source.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2)
        bigger.set(a)
        return bigger
      }
      this.source = grow(this.source)
      this.target = grow(this.target)
      this.weight = grow(this.weight)
    }
    this.source[this.length] = s
    this.target[this.length] = t
    this.weight[this.length++] = w
  }
}

/**
 * Copies the scope's part of the graph out of the adjacency cache: the nodes of the chosen types
 * (all when none are named) and the edges of the chosen types between them. Synchronous, so that
 * the copy and the batch it reports describe the same moment.
 */
export function analysisGraphOf(db: Db, scope: Pick<MetricScope, 'nodeTypes' | 'edgeTypes'>): { graph: AnalysisGraph; batchId: number } {
  const batchId = latestBatchId(db)
  const adjacency = adjacencyOf(db)
  const nodeTypes = scope.nodeTypes && scope.nodeTypes.length > 0 ? JSON.stringify(scope.nodeTypes) : null
  const ids = Int32Array.from(nodeIdsOfTypes(db, nodeTypes))
  const limit = Math.max(adjacency.nodeLimit, ids.length > 0 ? ids[ids.length - 1]! + 1 : 0)
  const index = new Int32Array(limit).fill(-1)
  for (let i = 0; i < ids.length; i++) index[ids[i]!] = i
  const mask = adjacency.typeMask(scope.edgeTypes && scope.edgeTypes.length > 0 ? scope.edgeTypes : undefined)
  const { offsets, neighbour, edge, type } = adjacency.csr('out')
  const weight = adjacency.base.weight
  const removed = adjacency.removedEdges
  const edges = new EdgeColumns()
  for (let i = 0; i < ids.length; i++) {
    const node = ids[i]!
    if (node + 1 < offsets.length) {
      const end = offsets[node + 1]!
      for (let s = offsets[node]!; s < end; s++) {
        const j = index[neighbour[s]!]!
        if (j < 0 || (mask !== null && mask[type[s]!] !== 1)) continue
        const id = edge[s]!
        if (removed !== null && removed.has(id)) continue
        edges.push(i, j, weight[id]!)
      }
    }
    if (adjacency.hasAdded) {
      adjacency.forEachAdded(node, 'out', mask, (other, _id, _type, w) => {
        const j = other < index.length ? index[other]! : -1
        if (j >= 0) edges.push(i, j, w)
      })
    }
  }
  const { length } = edges
  return { graph: graphFromEdges(ids, edges.source.subarray(0, length), edges.target.subarray(0, length), edges.weight.subarray(0, length)), batchId }
}
