/** A binary min-heap of entries (cost, payload) in parallel arrays: no object per entry. */
export class MinHeap {
  private costs: number[] = []
  private payloads: number[] = []

  get size(): number {
    return this.costs.length
  }

  push(cost: number, payload: number): void {
    const costs = this.costs
    const payloads = this.payloads
    let i = costs.length
    costs.push(cost)
    payloads.push(payload)
    while (i > 0) {
      const up = (i - 1) >> 1
      if ((costs[up] as number) <= cost) break
      costs[i] = costs[up] as number
      payloads[i] = payloads[up] as number
      i = up
    }
    costs[i] = cost
    payloads[i] = payload
  }

  /** Removes the cheapest entry; returns its payload (read its cost with peekCost first). */
  pop(): number {
    const costs = this.costs
    const payloads = this.payloads
    const top = payloads[0] as number
    const lastCost = costs.pop() as number
    const lastPayload = payloads.pop() as number
    const n = costs.length
    if (n === 0) return top
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && (costs[child + 1] as number) < (costs[child] as number)) child++
      if ((costs[child] as number) >= lastCost) break
      costs[i] = costs[child] as number
      payloads[i] = payloads[child] as number
      i = child
    }
    costs[i] = lastCost
    payloads[i] = lastPayload
    return top
  }

  peekCost(): number {
    return this.costs[0] as number
  }
}
