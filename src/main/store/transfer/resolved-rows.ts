import { EDGE_COLUMNS, NODE_COLUMNS } from '../repos/new-store-rows.ts'
import type { ImportRecord } from './formats/types.ts'
import type { ProblemList } from './problems.ts'

type NodeRecord = Extract<ImportRecord, { kind: 'node' }>
type EdgeRecord = Extract<ImportRecord, { kind: 'edge' }>
export type EmbeddingRecord = Extract<ImportRecord, { kind: 'embedding' }>

/**
 * One batch for the insert thread: rows as flat arrays of values (NODE_COLUMNS, EDGE_COLUMNS a row), ready to
 * bind; a flat array of strings and numbers crosses threads about 3 times faster than JSON text of the same rows.
 */
export interface RowBatch {
  nodes: unknown[]
  edges: unknown[]
  nodeRange: [number, number] | null
  edgeRange: [number, number] | null
  embeddings: EmbeddingRecord[]
}

/**
 * The parse side of an import into a new store file: every node gets its id here, in file order, and
 * every edge its endpoints' ids from an in-memory key → id map, so the inserting thread only writes.
 * Edges that name a node further on wait in memory for the end of the file.
 */
export class ResolvedRows {
  readonly ids = new Map<string, number>()
  nodeRecords = 0
  edgeRecords = 0
  private nextNode: number
  private nextEdge: number
  private nodes: unknown[] = []
  private edges: unknown[] = []
  private embeddings: EmbeddingRecord[] = []
  private firstNode: number
  private firstEdge: number
  private readonly waiting: EdgeRecord[] = []
  readonly meta: { key: string; value: unknown }[] = []
  private readonly problems: ProblemList

  constructor(problems: ProblemList, nodeBase: number, edgeBase: number) {
    this.problems = problems
    this.nextNode = this.firstNode = nodeBase + 1
    this.nextEdge = this.firstEdge = edgeBase + 1
  }

  get pending(): number {
    return this.nodes.length / NODE_COLUMNS + this.edges.length / EDGE_COLUMNS + this.embeddings.length
  }

  add(records: ImportRecord[]): void {
    for (const record of records) {
      if (record.kind === 'node') this.addNode(record)
      else if (record.kind === 'edge') {
        this.edgeRecords++
        if (!this.addEdge(record)) this.waiting.push(record)
      } else if (record.kind === 'embedding') this.embeddings.push(record)
      else if (record.kind === 'meta') this.meta.push({ key: record.key, value: record.value })
      else this.problems.add(record.problem)
    }
  }

  private addNode(record: NodeRecord): void {
    this.nodeRecords++
    if (this.ids.has(record.key)) {
      this.problems.add({ code: 'DUPLICATE_KEY', line: record.line, file: record.file, message: `the key "${record.key}" appears earlier in the file` })
      return
    }
    const id = this.nextNode++
    this.ids.set(record.key, id)
    this.nodes.push(id, record.key, record.type, record.label ?? record.key, JSON.stringify(record.properties), record.createdAt ?? null, record.updatedAt ?? null)
  }

  private addEdge(record: EdgeRecord): boolean {
    const source = this.ids.get(record.source)
    const target = this.ids.get(record.target)
    if (source === undefined || target === undefined) return false
    this.edges.push(this.nextEdge++, source, target, record.type, JSON.stringify(record.properties), record.weight ?? null, record.createdAt ?? null, record.updatedAt ?? null)
    return true
  }

  /** The edges that waited for a node further on: those that now resolve join the rows, the rest are problems. */
  resolveWaiting(): void {
    for (const record of this.waiting.splice(0)) {
      if (this.addEdge(record)) continue
      const key = this.ids.has(record.source) ? record.target : record.source
      this.problems.add({ code: 'MISSING_ENDPOINT', line: record.line, file: record.file, message: `no node with key "${key}" in the file or the store` })
    }
  }

  /** The rows collected since the last take, for one insert step. */
  take(): RowBatch {
    const batch: RowBatch = {
      nodes: this.nodes,
      edges: this.edges,
      nodeRange: this.nextNode > this.firstNode ? [this.firstNode, this.nextNode - 1] : null,
      edgeRange: this.nextEdge > this.firstEdge ? [this.firstEdge, this.nextEdge - 1] : null,
      embeddings: this.embeddings,
    }
    this.nodes = []
    this.edges = []
    this.embeddings = []
    this.firstNode = this.nextNode
    this.firstEdge = this.nextEdge
    return batch
  }
}
