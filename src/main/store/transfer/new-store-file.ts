import type { ImportProblem } from '../../../shared/transfer.ts'
import { openSqliteFile, type Db } from '../db.ts'
import { createIndex, dropIndexes, indexesOfNodesAndEdges, rebuildNodeText, type IndexDefinition } from '../repos/bulk-indexes.ts'
import { putMetaAudited } from '../repos/audit.ts'
import { recordImportRanges } from '../repos/import-rows.ts'
import { insertEdgeRows, insertNodeRows } from '../repos/new-store-rows.ts'
import { applyUnjournaledSettings, endUnjournaled } from '../repos/pragmas.ts'
import { createUnitOfWork, type LongChange } from '../unit-of-work.ts'
import { ImportedVectors } from '../vectors/imported-vectors.ts'
import { clearInterruptedImport } from './bulk-mode.ts'
import { ImportPhases } from './import-phases.ts'
import type { RowBatch } from './resolved-rows.ts'

/**
 * The page cache of the file being built (the key index of 1M nodes fits in it). The index builds' sorter
 * may use as much again, so this stays well under the ~600 MB an import may take at 1M nodes/4M edges.
 */
const BUILD_CACHE_KIB = 64 * 1024

export interface WrittenCounts {
  nodes: number
  edges: number
  vectors: { stored: number; skipped: number }
  problems: ImportProblem[]
}

/**
 * The inserting side of an import into a new store file: a copy of the empty store, written with no
 * journal and no sync, under one audit batch like any import; its secondary and full-text indexes are
 * built once, at the end. Nothing here touches the live store.
 */
export class NewStoreFile {
  private readonly db: Db
  private readonly change: LongChange
  /** The store's own indexes of nodes and edges, read from its schema, dropped until the rows are in. */
  private readonly indexes: IndexDefinition[]
  private readonly phases = new ImportPhases('insert thread')
  nodes = 0
  edges = 0

  constructor(file: string) {
    this.db = openSqliteFile(file)
    applyUnjournaledSettings(this.db, BUILD_CACHE_KIB)
    this.indexes = indexesOfNodesAndEdges(this.db)
    dropIndexes(this.db, this.indexes)
    // A new import starting means the notice of an interrupted one has been seen through.
    clearInterruptedImport(this.db)
    this.change = createUnitOfWork(this.db).begin('import', ['nodes', 'edges', 'meta'])
  }

  get batchId(): number | null {
    return this.change.batchId
  }

  write(batch: RowBatch): WrittenCounts {
    const db = this.db
    const problems: ImportProblem[] = []
    return this.phases.time('write steps (audit, commit)', () => this.change.step(({ id, now, count }) => {
      const nodes = this.phases.time('insert nodes', () => insertNodeRows(db, batch.nodes, now))
      const edges = this.phases.time('insert edges', () => insertEdgeRows(db, batch.edges, now))
      recordImportRanges(db, id, batch.nodeRange, batch.edgeRange)
      let vectorsStored = 0
      let vectorsSkipped = 0
      if (batch.embeddings.length) {
        const vectors = new ImportedVectors(db, now)
        for (const record of batch.embeddings) {
          const outcome = vectors.put(record)
          if (outcome.stored) vectorsStored++
          else {
            vectorsSkipped++
            problems.push({ code: outcome.code, line: record.line, file: record.file, message: outcome.message })
          }
        }
        vectors.flush()
      }
      count('embedding.set', vectorsStored)
      count('node.insert', nodes)
      count('edge.insert', edges)
      this.nodes += nodes
      this.edges += edges
      return { nodes, edges, vectors: { stored: vectorsStored, skipped: vectorsSkipped }, problems }
    }))
  }

  putMeta(entries: { key: string; value: unknown }[]): void {
    // Audited like any import's metadata, so that undoing the import takes them back.
    if (entries.length) this.change.step(({ id }) => entries.forEach(({ key, value }) => putMetaAudited(this.db, id, key, JSON.stringify(value))))
  }

  /**
   * One step of building the indexes (the caller reports progress between them): each index the schema
   * has, then the text index. Answers the number of steps.
   */
  buildIndex(step: number): number {
    const index = this.indexes[step]
    if (index) this.phases.time(`index ${index.name}`, () => createIndex(this.db, index))
    else if (step === this.indexes.length) this.phases.time('full-text index', () => this.db.transaction(() => rebuildNodeText(this.db))())
    return this.indexes.length + 1
  }

  /** Records the batch's summary and closes the file, ready to be synced and swapped in. */
  close(): void {
    this.phases.time('finish batch, close', () => {
      this.change.finish()
      endUnjournaled(this.db)
      this.db.close()
    })
    this.phases.report()
  }

  /** Closes without finishing: the file is about to be deleted. */
  abandon(): void {
    if (this.db.open) this.db.close()
  }
}
