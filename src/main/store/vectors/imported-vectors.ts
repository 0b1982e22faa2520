import { GraphKeepError } from '../../../shared/errors.ts'
import type { Db } from '../db.ts'
import { getNodeIdByKey } from '../repos/nodes.ts'
import { keepCurrentVector } from '../history/kept-vectors.ts'
import { checkVector, normaliseInPlace } from './check-vector.ts'
import { VectorWriter } from './vector-writer.ts'

/** An embedding record of a file, where it was read. */
export interface VectorRecord {
  key: string
  model: string
  vector: ArrayLike<number> | unknown
  line: number
}

/** Where an import transaction stands: its batch, and the last node id before it (nodes at or below it were there already). */
export interface ImportStep {
  batchId: number
  nodesBefore: number
}

/** The vectors of one import transaction: each checked against its model's dimension, written at `flush()`. */
export class ImportedVectors {
  private readonly writer: VectorWriter
  private readonly db: Db
  private readonly step: ImportStep | undefined

  /** With `step`, the vector a node already there had is kept for the import's undo (see repos/range-vectors.ts). */
  constructor(db: Db, now: number, step?: ImportStep) {
    this.db = db
    this.writer = new VectorWriter(db, now)
    this.step = step
  }

  /** Whether the node with this key was there before this transaction (a row that kept it keeps its vector too). */
  wasStored(key: string): boolean {
    const nodeId = getNodeIdByKey(this.db, key)
    return nodeId !== undefined && this.step !== undefined && nodeId <= this.step.nodesBefore
  }

  /** Stores a record's vector; says why not when it cannot be stored (no such node, a bad or mismatched vector). */
  put(record: VectorRecord): { stored: true } | { stored: false; code: 'MISSING_ENDPOINT' | 'INVALID_VALUE'; message: string } {
    const nodeId = getNodeIdByKey(this.db, record.key)
    if (nodeId === undefined) return { stored: false, code: 'MISSING_ENDPOINT', message: `no node with key "${record.key}" for the embedding` }
    const existed = this.step !== undefined && nodeId <= this.step.nodesBefore
    const model = this.writer.model(record.model)
    let unit: Float32Array
    try {
      unit = checkVector(record.vector, model?.dim ?? null, { row: record.line, key: record.key, model: record.model })
    } catch (error) {
      if (!(error instanceof GraphKeepError)) throw error
      return { stored: false, code: 'INVALID_VALUE', message: error.message }
    }
    const norm = normaliseInPlace(unit)
    if (existed && this.step) keepCurrentVector(this.db, this.writer, model, nodeId, this.step.batchId, record.model)
    this.writer.put(model ?? (this.writer.model(record.model, unit.length) as NonNullable<typeof model>), nodeId, unit, norm)
    return { stored: true }
  }

  flush(): void {
    this.writer.flush()
  }
}
