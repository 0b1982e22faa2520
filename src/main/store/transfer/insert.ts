import type { ImportOptions } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { edgeIdBase, nodeIdBase } from '../repos/id-base.ts'
import { badLinesBetween, deferredPage, deferRecord } from '../repos/import-staging.ts'
import { edgesWithMissingEnd, insertEdgesInOrder, type EdgeTuple, insertNewNodes, recordImportRanges, updateExistingNodes } from '../repos/import-rows.ts'
import { putMetaAudited } from '../repos/audit.ts'
import { indexNodeTextAfter } from '../repos/node-text.ts'
import { edgeTuple } from './edge-tuple.ts'
import { ImportedVectors } from '../vectors/imported-vectors.ts'
import type { LongChange } from '../unit-of-work.ts'
import type { ImportRecord } from './formats/types.ts'
import { vectorMarkFile, type VectorCounts } from './vector-marks.ts'

/** Rows per transaction: large enough that a commit's fsync is noise, small enough that a cancel stops soon. */
export const ROWS_PER_BATCH = 10_000

export interface InsertCounts {
  nodesInserted: number
  nodesUpdated: number
  nodesSkipped: number
  edgesInserted: number
  edgesSkipped: number
}

/**
 * The insert pass into a store that already holds nodes: collects good records into batches and writes each in one transaction, all
 * under one audit batch named 'import' whose id ranges grow as batches commit.
 */
export class ImportWriter {
  readonly counts: InsertCounts = { nodesInserted: 0, nodesUpdated: 0, nodesSkipped: 0, edgesInserted: 0, edgesSkipped: 0 }
  readonly vectors: VectorCounts = { stored: 0, skipped: 0 }
  private nodes: object[] = []
  private edges: EdgeTuple[] = []
  private extras: ImportRecord[] = []
  /** Skip mode: the rows ("file:line") of the node records collected, whose vectors go only where the row's node went. */
  private nodeRows = new Set<string>()
  private deferredEdges = false

  private readonly db: Db
  private readonly change: LongChange
  private readonly options: ImportOptions
  private readonly fileId: (file: string) => number

  constructor(db: Db, change: LongChange, options: ImportOptions, fileId: (file: string) => number) {
    this.db = db
    this.change = change
    this.options = options
    this.fileId = fileId
  }

  get batchId(): number | null {
    return this.change.batchId
  }

  /** Closes the import's batch: its summary, and the change event. */
  finish(): void {
    this.change.finish()
  }

  get pending(): number {
    return this.nodes.length + this.edges.length + this.extras.length
  }

  get written(): number {
    return this.counts.nodesInserted + this.counts.nodesUpdated + this.counts.edgesInserted + this.vectors.stored
  }

  /** Takes a chunk of records, leaving out problems and (skip mode) every line, or vector, the check marked bad. */
  add(records: ImportRecord[]): void {
    const bad = this.badLinesIn(records)
    const isBad = (file: string, line: number) => bad !== null && bad.has(`${this.fileId(file)}:${line}`)
    for (const record of records) {
      if (record.kind === 'problem') continue
      if (isBad(record.file, record.line) || (record.kind === 'embedding' && isBad(vectorMarkFile(record.file, record.model), record.line))) {
        if (record.kind === 'embedding') this.vectors.skipped++
        continue
      }
      if (record.kind === 'node') {
        const { kind: _kind, file: _file, line: _line, ...node } = record
        this.nodes.push(node)
        if (this.options.onDuplicate === 'skip') this.nodeRows.add(`${record.file}:${record.line}`)
      } else if (record.kind === 'edge') {
        this.edges.push(edgeTuple(record))
      } else {
        this.extras.push(record)
      }
    }
  }

  private badLinesIn(records: ImportRecord[]): Set<string> | null {
    if (this.options.onError !== 'skip') return null
    const ranges = new Map<string, [number, number]>()
    const widen = (file: string, line: number) => {
      const range = ranges.get(file)
      if (!range) ranges.set(file, [line, line])
      else {
        range[0] = Math.min(range[0], line)
        range[1] = Math.max(range[1], line)
      }
    }
    for (const record of records) {
      if (record.kind === 'problem') continue
      widen(record.file, record.line)
      if (record.kind === 'embedding') widen(vectorMarkFile(record.file, record.model), record.line)
    }
    const bad = new Set<string>()
    for (const [file, [from, to]] of ranges) {
      const id = this.fileId(file)
      for (const line of badLinesBetween(this.db, id, from, to)) bad.add(`${id}:${line}`)
    }
    return bad
  }

  /** Writes what has been collected in one transaction. */
  flush(): void {
    if (this.pending === 0) return
    const nodes = this.nodes, edges = this.edges, extras = this.extras, nodeRows = this.nodeRows
    this.nodeRows = new Set()
    this.nodes = []
    this.edges = []
    this.extras = []
    const db = this.db
    const counts = this.change.step(({ id: batchId, now, count }) => {
      const nodesBefore = nodeIdBase(db)
      const edgesBefore = edgeIdBase(db)
      let updated = 0, inserted = 0, edgesInserted = 0, deferred = false
      if (nodes.length) {
        const json = JSON.stringify(nodes)
        if (this.options.onDuplicate === 'update') updated = updateExistingNodes(db, json, now, batchId)
        inserted = insertNewNodes(db, json, now, nodesBefore)
        indexNodeTextAfter(db, nodesBefore)
      }
      if (edges.length) {
        const json = JSON.stringify(edges)
        edgesInserted = insertEdgesInOrder(db, json, now, edgesBefore)
        // An edge listed before its node (validated: the node comes later in the file) waits for the end.
        if (edgesInserted < edges.length) {
          for (const { index } of edgesWithMissingEnd(db, json)) deferRecord(db, '', 0, 'edge', JSON.stringify(edges[index]))
          deferred = true
        }
      }
      const vectors = new ImportedVectors(db, now, { batchId, nodesBefore })
      let vectorsStored = 0
      for (const record of extras) {
        if (record.kind === 'meta') putMetaAudited(db, batchId, record.key, JSON.stringify(record.value))
        else if (record.kind === 'embedding') {
          // Skip mode: a row that kept the stored node leaves that node's vector as it was.
          const kept = nodeRows.has(`${record.file}:${record.line}`) && vectors.wasStored(record.key)
          if (!kept && vectors.put(record).stored) vectorsStored++
          else this.vectors.skipped++
        }
      }
      vectors.flush()
      count('embedding.set', vectorsStored)
      this.vectors.stored += vectorsStored
      recordImportRanges(db, batchId, inserted ? [nodesBefore + 1, nodesBefore + inserted] : null, edgesInserted ? [edgesBefore + 1, edgesBefore + edgesInserted] : null)
      count('node.insert', inserted)
      count('edge.insert', edgesInserted)
      return { updated, inserted, edgesInserted, deferred }
    })
    if (counts.deferred) this.deferredEdges = true
    this.counts.nodesInserted += counts.inserted
    this.counts.nodesUpdated += counts.updated
    this.counts.nodesSkipped += nodes.length - counts.inserted - counts.updated
    this.counts.edgesInserted += counts.edgesInserted
    this.counts.edgesSkipped += edges.length - counts.edgesInserted
  }

  /** The edges that came before their nodes, once every node is in. */
  flushDeferred(): void {
    if (!this.deferredEdges) return
    for (let after = 0; ;) {
      const page = deferredPage(this.db, 'edge', after, 5000)
      if (page.length === 0) return
      after = (page.at(-1) as { rowid: number }).rowid
      const inserted = this.change.step(({ id: batchId, now, count }) => {
        const edgesBefore = edgeIdBase(this.db)
        const added = insertEdgesInOrder(this.db, `[${page.map((row) => row.record).join(',')}]`, now, edgesBefore)
        if (added) recordImportRanges(this.db, batchId, null, [edgesBefore + 1, edgesBefore + added])
        count('edge.insert', added)
        return added
      })
      this.counts.edgesInserted += inserted
      this.counts.edgesSkipped -= inserted
    }
  }
}
