/** Messages between the view and its layout workers. Indices refer to the `nodeCount` nodes in view order. */
export interface LayoutRequest {
  kind: 'run'
  algorithm: 'force' | 'fcose'
  nodeCount: number
  /** x, y per node; NaN where the node has no position worth keeping. */
  positions: Float64Array
  /** 1 where the node is pinned and must not move. */
  fixed: Uint8Array
  /** source, target index pairs. */
  links: Uint32Array
  /** Distance to keep between node centres (more in small views, where labels need room). */
  spacing: number
  /** Each node's box for the final separation: half sizes, box centre − node position, and the gap to leave. */
  boxes: { halfWidth: Float64Array; halfHeight: Float64Array; offsetX: Float64Array; offsetY: Float64Array; gap: number }
}

export type LayoutWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; positions: Float64Array; stopped: boolean }
  | { kind: 'failed'; message: string }

export type LayoutControl = LayoutRequest | { kind: 'stop' }
