import type { ImportOptions } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { edgeIdBase, nodeIdBase } from '../repos/id-base.ts'
import { deferRecord, deferredPage } from '../repos/import-staging.ts'
import { edgesWithMissingEnd, emptyGraphTables, insertEdgesInOrder, insertNewNodes, keysStoredUpTo, recordImportRanges } from '../repos/import-rows.ts'
import { putMetaAudited } from '../repos/audit.ts'
import { edgeTuple } from './edge-tuple.ts'
import { ImportedVectors } from '../vectors/imported-vectors.ts'
import type { LongChange } from '../unit-of-work.ts'
import type { ImportRecord } from './formats/types.ts'
import type { InsertCounts } from './insert.ts'
import type { ProblemList } from './problems.ts'
import type { VectorCounts } from './vector-marks.ts'

type Row = { file: string; line: number; json: object }

const strip = <T extends { kind: unknown; file: unknown; line: unknown }>({ kind: _k, file: _f, line: _l, ...rest }: T) => rest

/**
 * An import into an empty store in one pass, with no validation pass before it: the store's own
 * key index finds repeated keys, and the insert finds missing endpoints. Edges that name a node
 * further on wait in the scratch database for the end. In abort mode, a problem means the store is
 * emptied again at the end; the whole file is still read, so that every problem is reported.
 */
export class BulkImport {
  readonly counts: InsertCounts = { nodesInserted: 0, nodesUpdated: 0, nodesSkipped: 0, edgesInserted: 0, edgesSkipped: 0 }
  readonly vectors: VectorCounts = { stored: 0, skipped: 0 }
  nodeRecords = 0
  edgeRecords = 0
  private nodes: Row[] = []
  private edges: Row[] = []
  private embeddings: Extract<ImportRecord, { kind: 'embedding' }>[] = []
  private readonly db: Db
  readonly change: LongChange
  private readonly options: ImportOptions
  private readonly problems: ProblemList

  constructor(db: Db, change: LongChange, options: ImportOptions, problems: ProblemList) {
    this.db = db
    this.change = change
    this.options = options
    this.problems = problems
  }

  get batchId(): number | null {
    return this.change.batchId
  }

  get pending(): number {
    return this.nodes.length + this.edges.length + this.embeddings.length
  }

  get written(): number {
    return this.counts.nodesInserted + this.counts.edgesInserted + this.vectors.stored
  }

  /** Abort mode with a problem: the end empties the store again. Writing goes on until then, so that every problem is found. */
  get aborting(): boolean {
    return this.options.onError === 'abort' && this.problems.count > 0
  }

  add(records: ImportRecord[]): void {
    for (const record of records) {
      if (record.kind === 'problem') this.problems.add(record.problem)
      else if (record.kind === 'node') {
        this.nodeRecords++
        this.nodes.push({ file: record.file, line: record.line, json: strip(record) })
      } else if (record.kind === 'edge') {
        this.edgeRecords++
        this.edges.push({ file: record.file, line: record.line, json: edgeTuple(record) })
      } else if (record.kind === 'embedding') this.embeddings.push(record)
      else deferRecord(this.db, record.file, record.line, 'meta', JSON.stringify({ key: record.key, value: record.value }))
    }
  }

  /** Writes the collected rows in one transaction. */
  flush(): void {
    const nodes = this.nodes, edges = this.edges, embeddings = this.embeddings
    this.nodes = []
    this.edges = []
    this.embeddings = []
    if (nodes.length + edges.length + embeddings.length === 0) return
    const db = this.db
    this.change.step(({ id: batchId, now, count }) => {
      const nodesBefore = nodeIdBase(db)
      const edgesBefore = edgeIdBase(db)
      const fresh = this.withoutRepeatedKeys(nodes, nodesBefore)
      const inserted = fresh.length ? insertNewNodes(db, JSON.stringify(fresh.map((row) => row.json)), now, nodesBefore) : 0
      let edgesInserted = 0
      if (edges.length) {
        const json = JSON.stringify(edges.map((row) => row.json))
        edgesInserted = insertEdgesInOrder(db, json, now, edgesBefore)
        // Edges to nodes not (yet) in the store wait for the end of the file.
        if (edgesInserted < edges.length) {
          for (const { index } of edgesWithMissingEnd(db, json)) {
            const row = edges[index] as Row
            deferRecord(db, row.file, row.line, 'edge', JSON.stringify(row.json))
          }
        }
      }
      const vectors = new ImportedVectors(db, now)
      let vectorsStored = 0
      for (const record of embeddings) {
        const outcome = vectors.put(record)
        if (outcome.stored) vectorsStored++
        else {
          this.vectors.skipped++
          this.problems.add({ code: outcome.code, line: record.line, file: record.file, message: outcome.message })
        }
      }
      vectors.flush()
      count('embedding.set', vectorsStored)
      this.vectors.stored += vectorsStored
      recordImportRanges(db, batchId, inserted ? [nodesBefore + 1, nodesBefore + inserted] : null, edgesInserted ? [edgesBefore + 1, edgesBefore + edgesInserted] : null)
      count('node.insert', inserted)
      count('edge.insert', edgesInserted)
      this.counts.nodesInserted += inserted
      this.counts.edgesInserted += edgesInserted
    })
  }

  /** Reports (and leaves out) keys seen before: in this batch, or stored by an earlier one. */
  private withoutRepeatedKeys(nodes: Row[], nodesBefore: number): Row[] {
    const keyOf = (row: Row) => (row.json as { key: string }).key
    const earlier = new Set(nodesBefore > 0 ? keysStoredUpTo(this.db, JSON.stringify(nodes.map(keyOf)), nodesBefore) : [])
    const seen = new Set<string>()
    return nodes.filter((row, index) => {
      const key = keyOf(row)
      if (earlier.has(index) || seen.has(key)) {
        this.problems.add({ code: 'DUPLICATE_KEY', line: row.line, file: row.file, message: `the key "${key}" appears earlier in the file` })
        return false
      }
      seen.add(key)
      return true
    })
  }

  /**
   * After the whole file: the deferred edges and meta entries; then, in abort mode with problems, the
   * store emptied again. A cancelled import keeps what it committed (unless it is emptied); a failed
   * one (the reader threw) is always emptied.
   */
  finish(end: 'done' | 'cancelled' | 'failed'): void {
    const db = this.db
    const cancelled = end !== 'done'
    if (!cancelled) this.flush()
    for (let after = 0; !cancelled; ) {
      const page = deferredPage(db, 'edge', after, 5000)
      if (page.length === 0) break
      after = (page.at(-1) as { rowid: number }).rowid
      this.change.step(({ id: batchId, now, count }) => {
        const json = `[${page.map((row) => row.record).join(',')}]`
        for (const { index, key } of edgesWithMissingEnd(db, json)) {
          const row = page[index] as (typeof page)[number]
          this.problems.add({ code: 'MISSING_ENDPOINT', line: row.line, file: row.file, message: `no node with key "${key}" in the file or the store` })
        }
        const edgesBefore = edgeIdBase(db)
        const inserted = insertEdgesInOrder(db, json, now, edgesBefore)
        if (inserted) recordImportRanges(db, batchId, null, [edgesBefore + 1, edgesBefore + inserted])
        count('edge.insert', inserted)
        this.counts.edgesInserted += inserted
      })
    }
    this.counts.edgesSkipped = this.edgeRecords - this.counts.edgesInserted
    this.counts.nodesSkipped = this.nodeRecords - this.counts.nodesInserted
    if (this.aborting || end === 'failed') {
      db.transaction(() => {
        emptyGraphTables(db)
        this.change.discard()
      })()
      this.counts.nodesInserted = this.counts.edgesInserted = 0
      this.vectors.skipped += this.vectors.stored
      this.vectors.stored = 0
      return
    }
    if (cancelled || deferredPage(db, 'meta', 0, 1).length === 0) return
    this.change.step(({ id: batchId }) => {
      for (let after = 0; ; ) {
        const page = deferredPage(db, 'meta', after, 1000)
        if (page.length === 0) break
        after = (page.at(-1) as { rowid: number }).rowid
        for (const row of page) {
          const { key, value } = JSON.parse(row.record) as { key: string; value: unknown }
          putMetaAudited(db, batchId, key, JSON.stringify(value))
        }
      }
    })
  }
}
