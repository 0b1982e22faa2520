/** One answer of a k-NN search: the position of a vector, its node and its cosine similarity. */
export interface Neighbour {
  position: number
  nodeId: number
  score: number
}

/** Better = higher score; equal scores go to the lower node id, so that every run gives the same order. */
export const isBetter = (a: Neighbour, b: Neighbour) => a.score > b.score || (a.score === b.score && a.nodeId < b.nodeId)

/** The k best seen so far, kept sorted (k is small: an insertion costs at most k moves). */
export class TopK {
  readonly items: Neighbour[] = []
  private readonly k: number

  constructor(k: number) {
    this.k = k
  }

  get full(): boolean {
    return this.items.length >= this.k
  }

  get worst(): Neighbour | undefined {
    return this.items[this.items.length - 1]
  }

  /** Whether a score could still enter (cheap test before building an object). */
  admits(score: number, nodeId: number): boolean {
    const worst = this.worst
    return !this.full || worst === undefined || score > worst.score || (score === worst.score && nodeId < worst.nodeId)
  }

  offer(candidate: Neighbour): void {
    if (!this.admits(candidate.score, candidate.nodeId)) return
    let at = this.items.length
    while (at > 0 && isBetter(candidate, this.items[at - 1] as Neighbour)) at--
    this.items.splice(at, 0, candidate)
    if (this.items.length > this.k) this.items.pop()
  }
}
