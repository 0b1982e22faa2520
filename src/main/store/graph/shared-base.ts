import type { Db } from '../db.ts'
import { batchTime, edgeIdRange, latestBatchId, scanEdges, writeMarks } from '../repos/adjacency.ts'
import { maxNodeId } from '../repos/nodes.ts'
import { buildCsr, sharedArrays, type CsrGraph } from './csr.ts'

/** Which state of which store a built graph is: the last batch and audit row it includes. */
export interface BaseMarks {
  batch: number
  /** When that batch was opened: with its id it tells this store's history from a restored one's. */
  batchAt: number | null
  audit: number
  maxNodeId: number
  maxEdgeId: number
}

/** The adjacency arrays in SharedArrayBuffers, as one thread built them and every reader traverses them. */
export interface SharedBase {
  graph: CsrGraph
  marks: BaseMarks
}

/** Builds the graph's arrays in shared memory; run it inside one read transaction so marks and rows agree. */
export function buildSharedBase(db: Db): SharedBase {
  const { batch, audit } = writeMarks(db)
  const { count, maxId } = edgeIdRange(db)
  const maxNode = maxNodeId(db)
  const graph = buildCsr(scanEdges(db), count, maxNode, maxId, sharedArrays)
  return { graph, marks: { batch, batchAt: batchTime(db, batch), audit, maxNodeId: maxNode, maxEdgeId: maxId } }
}

/**
 * Whether a built graph belongs to the store as this connection sees it (later writes are caught up
 * from the audit trail): its batch is there, opened at the same moment. A store with no batch at all
 * must also have the same highest ids.
 */
export function baseFits(db: Db, marks: BaseMarks): boolean {
  if (marks.batch > latestBatchId(db)) return false
  if (marks.batch > 0) return batchTime(db, marks.batch) === marks.batchAt
  return maxNodeId(db) === marks.maxNodeId && edgeIdRange(db).maxId === marks.maxEdgeId
}
