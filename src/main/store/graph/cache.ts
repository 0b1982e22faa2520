import type { Db } from '../db.ts'
import { auditRowsAfter, batchOperationsAfter, edgeIdRange, edgesByIds, latestBatchId, scanEdges, writeMarks } from '../repos/adjacency.ts'
import { maxNodeId } from '../repos/nodes.ts'
import { Adjacency } from './adjacency.ts'
import { buildCsr } from './csr.ts'

/** More changed rows than this since the last look, and a rebuild (two scans) is cheaper than applying them. */
export const INCREMENTAL_LIMIT = 5_000

interface Cached {
  adjacency: Adjacency
  batch: number
  audit: number
}

const caches = new WeakMap<Db, Cached>()

/** Counts of how the cache answered, for tests and the benchmark. */
export const cacheCounters = { builds: 0, incremental: 0 }

function rebuild(db: Db): Cached {
  // Marks first: a write that lands during the scan is then applied again next time, which is harmless.
  const marks = writeMarks(db)
  const { count, maxId } = edgeIdRange(db)
  const maxNode = maxNodeId(db)
  const base = buildCsr(scanEdges(db), count, maxNode, maxId)
  cacheCounters.builds++
  const cached = { adjacency: new Adjacency(base, maxNode), ...marks }
  caches.set(db, cached)
  return cached
}

/**
 * Brings the overlay up to date with the audit rows written since: every edge named in them is
 * dropped and re-read as it is now (so order and repeats do not matter), and a deleted node drops
 * every edge the cache has at it, in case the delete cascaded without audit rows of its own.
 */
function applyAudit(db: Db, adjacency: Adjacency, rows: [string, string, number][]): void {
  const touched = new Set<number>()
  for (const [entity, op, id] of rows) {
    if (entity === 'edge') touched.add(id)
    else if (op === 'insert') adjacency.noteNode(id)
    else if (op === 'delete') for (const edge of adjacency.edgesAt(id)) touched.add(edge)
  }
  if (touched.size === 0) return
  for (const id of touched) adjacency.removeEdge(id)
  for (const row of edgesByIds(db, JSON.stringify([...touched]))) adjacency.addEdge(row)
}

// Weak, so that a closed store's graph is not kept alive for the benchmark's sake.
let lastServed: { db: WeakRef<Db>; adjacency: WeakRef<Adjacency> } | undefined

/** The graph's adjacency as of now: built on first use, then patched or rebuilt after writes. Never stale. */
export function adjacencyOf(db: Db): Adjacency {
  const adjacency = freshAdjacency(db)
  if (lastServed?.adjacency.deref() !== adjacency) lastServed = { db: new WeakRef(db), adjacency: new WeakRef(adjacency) }
  return adjacency
}

/** The benchmark's window into this thread's cache: the connection and adjacency of the last traversal. */
export function lastServedAdjacency(): { db: Db; adjacency: Adjacency } | undefined {
  const db = lastServed?.db.deref()
  const adjacency = lastServed?.adjacency.deref()
  return db && adjacency ? { db, adjacency } : undefined
}

function freshAdjacency(db: Db): Adjacency {
  const cached = caches.get(db)
  if (!cached) return rebuild(db).adjacency
  // One index seek per traversal: a committed write always adds a batch with a higher id.
  if (latestBatchId(db) === cached.batch) return cached.adjacency
  const marks = writeMarks(db)
  // The bulk importer may record ranges rather than rows; a shrinking history means it was rewritten.
  const bulk = marks.batch < cached.batch || marks.audit < cached.audit || batchOperationsAfter(db, cached.batch).some((op) => op.startsWith('import'))
  if (bulk) return rebuild(db).adjacency
  const rows = auditRowsAfter(db, cached.audit, marks.audit, INCREMENTAL_LIMIT + 1)
  if (rows.length > INCREMENTAL_LIMIT) return rebuild(db).adjacency
  applyAudit(db, cached.adjacency, rows)
  if (cached.adjacency.overlaySize > Math.max(10 * INCREMENTAL_LIMIT, cached.adjacency.edgeCount / 20)) return rebuild(db).adjacency
  cacheCounters.incremental++
  cached.batch = marks.batch
  cached.audit = marks.audit
  return cached.adjacency
}

/** Forgets the cache of a connection (tests use it to compare with a fresh build). */
export function dropAdjacency(db: Db): void {
  caches.delete(db)
}
