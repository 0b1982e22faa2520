import type { Db } from '../db.ts'
import { auditRowsAfter, batchOperationsAfter, edgeIdRange, edgesByIds, latestBatchId, scanEdges, writeMarks } from '../repos/adjacency.ts'
import { maxNodeId } from '../repos/nodes.ts'
import { Adjacency } from './adjacency.ts'
import { buildCsr } from './csr.ts'
import { baseFits, type SharedBase } from './shared-base.ts'
import { SqlAdjacency } from './sql-adjacency.ts'

/** More changed rows than this since the last look, and a rebuild (two scans) is cheaper than applying them. */
export const INCREMENTAL_LIMIT = 5_000

/** An adjacency and the last batch and audit row it includes. */
interface Tracked {
  adjacency: Adjacency
  batch: number
  audit: number
}

/** Counts of how the cache answered, for tests and the benchmark. */
export const cacheCounters = { builds: 0, incremental: 0, sql: 0 }

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

/** Applies the writes since `tracked` was last brought up to date; false when a rebuild is due instead. */
function catchUp(db: Db, tracked: Tracked): boolean {
  // One index seek per traversal: a committed write always adds a batch with a higher id.
  if (latestBatchId(db) === tracked.batch) return true
  const marks = writeMarks(db)
  // The bulk importer may record ranges rather than rows; a shrinking history means it was rewritten.
  const bulk = marks.batch < tracked.batch || marks.audit < tracked.audit || batchOperationsAfter(db, tracked.batch).some((op) => op.startsWith('import'))
  if (bulk) return false
  const rows = auditRowsAfter(db, tracked.audit, marks.audit, INCREMENTAL_LIMIT + 1)
  if (rows.length > INCREMENTAL_LIMIT) return false
  applyAudit(db, tracked.adjacency, rows)
  cacheCounters.incremental++
  tracked.batch = marks.batch
  tracked.audit = marks.audit
  return true
}

const overlayTooLarge = (adjacency: Adjacency) => adjacency.overlaySize > Math.max(10 * INCREMENTAL_LIMIT, adjacency.edgeCount / 20)

// --- Built here, in this thread: the library used in-process (CLI, tests, benchmark) and a store with no readers.

const caches = new WeakMap<Db, Tracked>()

function rebuild(db: Db): Tracked {
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

function localAdjacency(db: Db): Adjacency {
  const cached = caches.get(db)
  if (!cached || !catchUp(db, cached) || overlayTooLarge(cached.adjacency)) return rebuild(db).adjacency
  return cached.adjacency
}

// --- Shared: a reader traverses the arrays another thread built, plus an overlay of its own for the writes since.

let shared: { base: SharedBase; tracked: Tracked | null; unusable: boolean } | null = null
let requested = false
let requestBase: () => void = () => {}

const askForBase = () => {
  if (requested) return
  requested = true
  requestBase()
}

function fromSql(db: Db): Adjacency {
  cacheCounters.sql++
  return new SqlAdjacency(db)
}

/** Call inside a read transaction: the shared arrays, caught up to this snapshot; SQL while there are none that fit. */
function sharedAdjacency(db: Db): Adjacency {
  if (!shared || shared.unusable) {
    askForBase()
    return fromSql(db)
  }
  if (!shared.tracked) {
    const { base } = shared
    if (!baseFits(db, base.marks)) {
      shared.unusable = true
      askForBase()
      return fromSql(db)
    }
    shared.tracked = { adjacency: new Adjacency(base.graph, base.marks.maxNodeId), batch: base.marks.batch, audit: base.marks.audit }
  }
  if (!catchUp(db, shared.tracked)) {
    shared.unusable = true
    askForBase()
    return fromSql(db)
  }
  // Still right, but slower with every write: a fresh build is asked for, and this one serves until it comes.
  if (overlayTooLarge(shared.tracked.adjacency)) askForBase()
  return shared.tracked.adjacency
}

let provider: (db: Db) => Adjacency = localAdjacency

/** This thread reads shared arrays that others build; `ask` is called (once per installed base) when a newer one is needed. */
export function useSharedAdjacency(ask: () => void): void {
  provider = sharedAdjacency
  requestBase = ask
}

/** This thread answers traversals from SQL only (the writer beside a reader pool: it must never spend seconds building). */
export function useSqlAdjacency(): void {
  provider = fromSql
}

/** A newer shared build, used from the next traversal on; null when the one asked for could not be made. */
export function installSharedBase(base: SharedBase | null): void {
  if (base) shared = { base, tracked: null, unusable: false }
  requested = false
}

/** This thread as a reader starts it: no shared build, none asked for (a test playing several readers' lives in one thread). */
export function forgetSharedBase(): void {
  shared = null
  requested = false
}

/** The shared build this thread holds, if any (for tests). */
export function installedBaseMarks(): SharedBase['marks'] | null {
  return shared?.base.marks ?? null
}

/** The last batch the adjacency just served includes, per connection (absent: answered from SQL). */
const servedBatches = new WeakMap<Db, { adjacency: Adjacency; batch: number }>()

function trackedOf(db: Db, adjacency: Adjacency): Tracked | null {
  const local = caches.get(db)
  if (local?.adjacency === adjacency) return local
  const tracked = shared?.tracked
  return tracked?.adjacency === adjacency ? tracked : null
}

/**
 * The last batch that `adjacency`, as adjacencyOf just served it for this call, includes; null for
 * an answer from SQL. Anything cached beside the adjacency and tagged with this batch is exact.
 */
export function adjacencyBatchOf(db: Db, adjacency: Adjacency): number | null {
  const served = servedBatches.get(db)
  return served?.adjacency === adjacency ? served.batch : null
}

// Weak, so that a closed store's graph is not kept alive for the benchmark's sake.
let lastServed: { db: WeakRef<Db>; adjacency: WeakRef<Adjacency> } | undefined

/** The graph's adjacency as of now (never stale): built, shared or answered from SQL, as this thread is set up. */
export function adjacencyOf(db: Db): Adjacency {
  const adjacency = provider(db)
  const tracked = trackedOf(db, adjacency)
  if (tracked) servedBatches.set(db, { adjacency, batch: tracked.batch })
  else servedBatches.delete(db)
  if (lastServed?.adjacency.deref() !== adjacency) lastServed = { db: new WeakRef(db), adjacency: new WeakRef(adjacency) }
  return adjacency
}

/** The benchmark's window into this thread's cache: the connection and adjacency of the last traversal. */
export function lastServedAdjacency(): { db: Db; adjacency: Adjacency } | undefined {
  const db = lastServed?.db.deref()
  const adjacency = lastServed?.adjacency.deref()
  return db && adjacency ? { db, adjacency } : undefined
}

/** Forgets the cache of a connection (tests use it to compare with a fresh build). */
export function dropAdjacency(db: Db): void {
  caches.delete(db)
}
