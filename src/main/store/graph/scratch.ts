/**
 * Per-node working memory for searches, reused across calls: a cell counts as set only when its stamp
 * equals the current generation, so a new search costs no clearing of million-cell arrays.
 */
export class NodeMarks {
  /** Read directly by hot loops: node n is marked when stamp[n] === generation. */
  stamp = new Uint32Array(0)
  generation = 0
  /** Per-node values valid where `has(node)`: a distance, a parent node and the edge to it. */
  distance = new Int32Array(0)
  parent = new Int32Array(0)
  parentEdge = new Int32Array(0)

  /** Starts a new search over nodes 0 .. nodeLimit - 1. */
  reset(nodeLimit: number): this {
    if (this.stamp.length < nodeLimit) {
      const size = Math.max(nodeLimit, Math.ceil(this.stamp.length * 1.25))
      this.stamp = new Uint32Array(size)
      this.distance = new Int32Array(size)
      this.parent = new Int32Array(size)
      this.parentEdge = new Int32Array(size)
      this.generation = 0
    }
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0)
      this.generation = 1
    }
    return this
  }

  has(node: number): boolean {
    return this.stamp[node] === this.generation
  }

  set(node: number, distance: number, parent = -1, parentEdge = -1): void {
    this.stamp[node] = this.generation
    this.distance[node] = distance
    this.parent[node] = parent
    this.parentEdge[node] = parentEdge
  }
}

// Searches run one at a time on the store's thread, so one set of marks per direction suffices.
export const forwardMarks = new NodeMarks()
export const backwardMarks = new NodeMarks()
