/**
 * Edges found by a search, in parallel typed arrays: a neighbourhood can hold tens of thousands of
 * edges, and one object each costs more than the search that found them.
 */
export class EdgeList {
  length = 0
  id: Int32Array
  source: Int32Array
  target: Int32Array
  type: Uint32Array
  weight: Float64Array

  /** `capacity`: the expected count, so that a large result is not copied while it grows. */
  constructor(capacity = 64) {
    const size = Math.max(16, capacity)
    this.id = new Int32Array(size)
    this.source = new Int32Array(size)
    this.target = new Int32Array(size)
    this.type = new Uint32Array(size)
    this.weight = new Float64Array(size)
  }

  push(id: number, source: number, target: number, type: number, weight: number): void {
    if (this.length === this.id.length) this.grow()
    const at = this.length++
    this.id[at] = id
    this.source[at] = source
    this.target[at] = target
    this.type[at] = type
    this.weight[at] = weight
  }

  private grow(): void {
    const size = this.id.length * 2
    const bigger = <T extends Int32Array | Uint32Array | Float64Array>(array: T): T => {
      const copy = new (array.constructor as new (n: number) => T)(size)
      copy.set(array)
      return copy
    }
    this.id = bigger(this.id)
    this.source = bigger(this.source)
    this.target = bigger(this.target)
    this.type = bigger(this.type)
    this.weight = bigger(this.weight)
  }

  static of(edges: readonly { id: number; source: number; target: number; type: number; weight: number }[]): EdgeList {
    const list = new EdgeList(edges.length)
    for (const e of edges) list.push(e.id, e.source, e.target, e.type, e.weight)
    return list
  }
}
