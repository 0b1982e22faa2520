import { sameValue } from '../../../../src/main/store/history/same-json.ts'
import type { JsonObject } from '../../../../src/shared/json.ts'

// An in-memory model of the store's rows and of undo and redo, written from the rules and
// not from the store's code: a batch's undo writes back each row's image from before the batch,
// refused when a row is not as the batch left it, when a key would be held twice, or when an edge
// would be left without a node at either end. Nodes are identified by a token per creation (a key
// deleted and created again is a new row); edges by the id the model predicts (ids are never reused).

export interface NodeImage { key: string; type: string; label: string; properties: JsonObject }
export interface EdgeImage { source: string; target: string; type: string; weight: number; properties: JsonObject }
type Row = `n${number}` | `e${number}`
type Image = NodeImage | EdgeImage
interface Effect { before: Image | undefined; after: Image | undefined }
export interface ModelBatch { id: number; origin: 'edit' | 'import' | 'undo' | 'redo'; effects: Map<Row, Effect>; undoneBy: number | null; redoneBy: number | null; reverts: number | null }

export class Model {
  nodes = new Map<string, { token: number } & NodeImage>()
  edges = new Map<number, EdgeImage>()
  batches: ModelBatch[] = []
  private nextToken = 1
  edgeHighWater = 0
  private open: Map<Row, Effect> | null = null

  // --- rows, recorded into the open batch ---------------------------------------------------------
  private image(row: Row): Image | undefined {
    if (row.startsWith('e')) return this.edges.get(Number(row.slice(1)))
    const token = Number(row.slice(1))
    for (const node of this.nodes.values()) if (node.token === token) return { key: node.key, type: node.type, label: node.label, properties: node.properties }
    return undefined
  }

  private record(row: Row, before: Image | undefined, after: Image | undefined): void {
    if (!this.open) throw new Error('model: no open batch')
    const known = this.open.get(row)
    this.open.set(row, { before: known ? known.before : before, after })
  }

  /** Sets a row, or refuses (returns false) when a node's key is held by another token. */
  private write(row: Row, image: Image | undefined): boolean {
    if (row.startsWith('e')) {
      const id = Number(row.slice(1))
      if (image) this.edges.set(id, image as EdgeImage)
      else this.edges.delete(id)
      return true
    }
    const token = Number(row.slice(1))
    for (const [key, node] of this.nodes) if (node.token === token) this.nodes.delete(key)
    if (!image) return true
    const node = image as NodeImage
    if (this.nodes.has(node.key)) return false
    this.nodes.set(node.key, { token, ...node })
    return true
  }

  tokenOf(key: string): number | undefined {
    return this.nodes.get(key)?.token
  }

  change<T>(origin: 'edit' | 'import', work: () => T): T {
    this.open = new Map()
    try {
      return work()
    } finally {
      this.pendingEffects = this.open
      this.open = null
    }
  }
  pendingEffects: Map<Row, Effect> | null = null

  /** Files the last change's effects under the batch id the store gave it. */
  commit(id: number, origin: ModelBatch['origin'], reverts: number | null = null): ModelBatch {
    const batch: ModelBatch = { id, origin, effects: this.pendingEffects ?? new Map(), undoneBy: null, redoneBy: null, reverts }
    this.pendingEffects = null
    this.batches.push(batch)
    return batch
  }

  createNode(node: NodeImage): void {
    const token = this.nextToken++
    this.nodes.set(node.key, { token, ...node })
    this.record(`n${token}`, undefined, node)
  }

  updateNode(key: string, next: Omit<NodeImage, 'key'>): void {
    const node = this.nodes.get(key)
    if (!node) throw new Error('model: no node')
    const before = this.image(`n${node.token}`)
    const after = { key, ...next }
    this.nodes.set(key, { token: node.token, ...after })
    this.record(`n${node.token}`, before, after)
  }

  deleteNode(key: string): void {
    const node = this.nodes.get(key)
    if (!node) return
    for (const [id, edge] of [...this.edges]) if (edge.source === key || edge.target === key) this.deleteEdge(id)
    this.record(`n${node.token}`, this.image(`n${node.token}`), undefined)
    this.nodes.delete(key)
  }

  createEdge(edge: EdgeImage): number {
    const id = ++this.edgeHighWater
    this.edges.set(id, edge)
    this.record(`e${id}`, undefined, edge)
    return id
  }

  updateEdge(id: number, next: EdgeImage): void {
    this.record(`e${id}`, this.edges.get(id), next)
    this.edges.set(id, next)
  }

  deleteEdge(id: number): void {
    const edge = this.edges.get(id)
    if (!edge) return
    this.record(`e${id}`, edge, undefined)
    this.edges.delete(id)
  }

  // --- undo and redo -------------------------------------------------------------------------------
  /** Applies the inverse of `effects` as a new change; false (and nothing changed) when it must be refused. */
  private invert(effects: Map<Row, Effect>): boolean {
    for (const [row, effect] of effects) if (!sameValue(this.image(row), effect.after)) return false
    const saved = { nodes: new Map(this.nodes), edges: new Map(this.edges) }
    this.open = new Map()
    let ok = true
    // Deletions first, so that a key freed by the revert can be taken by it.
    const order = [...effects].sort(([, a], [, b]) => Number(a.before !== undefined) - Number(b.before !== undefined))
    for (const [row, effect] of order) {
      if (!this.write(row, effect.before)) ok = false
      this.record(row, effect.after, effect.before)
    }
    for (const edge of this.edges.values()) if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) ok = false
    this.pendingEffects = this.open
    this.open = null
    if (!ok) {
      this.nodes = saved.nodes
      this.edges = saved.edges
      this.pendingEffects = null
    }
    return ok
  }

  /** Whether undo of this batch must succeed; on success the caller commits the undo batch's id. */
  undo(batch: ModelBatch): boolean {
    if (batch.undoneBy !== null) return false
    return this.invert(batch.effects)
  }

  redo(batch: ModelBatch): boolean {
    const undo = this.batches.find((b) => b.id === batch.undoneBy)
    if (!undo) return false
    return this.invert(undo.effects)
  }

  userBatches(): ModelBatch[] {
    return this.batches.filter((b) => b.origin === 'edit' || b.origin === 'import')
  }

  /** The user's undo and redo stack tops, by the store's rule (see repos/history-batches.ts). */
  undoTop(): ModelBatch | undefined {
    return this.userBatches().filter((b) => b.undoneBy === null).sort((a, b) => (b.redoneBy ?? b.id) - (a.redoneBy ?? a.id))[0]
  }

  redoTop(): ModelBatch | undefined {
    const lastEdit = Math.max(0, ...this.userBatches().map((b) => b.id))
    return this.userBatches().filter((b) => b.undoneBy !== null && (b.undoneBy as number) > lastEdit).sort((a, b) => (b.undoneBy as number) - (a.undoneBy as number))[0]
  }
}
