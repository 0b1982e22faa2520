import type { AppEvent } from '../../../shared/events.ts'
import type { ImportReport, ImportRequest, TransferFormat } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { edgeIdBase, nodeIdBase } from '../repos/id-base.ts'
import { copyStoreInto } from '../repos/new-store-rows.ts'
import { readers } from './detect.ts'
import type { InsertCounts } from './insert.ts'
import { ROWS_PER_BATCH } from './insert.ts'
import { InsertHere, InsertThread, type InsertSink } from './insert-thread.ts'
import type { WrittenCounts } from './new-store-file.ts'
import { ImportPhases } from './import-phases.ts'
import { ProblemList } from './problems.ts'
import type { Progress } from './progress.ts'
import { ResolvedRows } from './resolved-rows.ts'
import { importingFileOf, removeImportingFile, swapInImportedFile } from './swap-file.ts'

/** Batches sent to the inserting thread and not yet written: enough to keep both threads busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 2
/** Smaller files are written in this thread: a second thread takes longer to start than they take to import. */
const OWN_THREAD_FROM_BYTES = 8 * 1024 * 1024

export interface SwapImportContext {
  db: Db
  storeFile: string
  /** Closes every connection to the store (readers included), runs `swap` on the closed file, and opens it again. */
  replaceStore: (swap: () => void) => Promise<void>
  onEvent?: (event: AppEvent) => void
}

export interface SwapImportResult {
  writer: { counts: InsertCounts; batchId: number | null; written: number; vectors: { stored: number; skipped: number } }
  report: ImportReport
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * An import into an empty store, at the speed of the disk: the store is copied into a new file beside
 * it, which one thread fills while this one parses (edge endpoints resolved through an in-memory
 * key → id map), with no journal and no sync; indexes are built once, then the file is synced and
 * renamed over the store. A crash before the rename leaves the store as it was (the new file is
 * deleted at the next open); after it, the import is complete. As before, a cancel keeps (and swaps
 * in) what was read before it, and abort mode with a problem, or a failure, writes nothing.
 */
export async function importIntoNewFile(
  context: SwapImportContext, request: ImportRequest, format: TransferFormat, progress: Progress, signal: AbortSignal, total: { bytes: number; rows?: number },
): Promise<SwapImportResult> {
  const { db, storeFile } = context
  const file = importingFileOf(storeFile)
  const problems = new ProblemList()
  const rows = new ResolvedRows(problems, nodeIdBase(db), edgeIdBase(db))
  const counts: InsertCounts = { nodesInserted: 0, nodesUpdated: 0, nodesSkipped: 0, edgesInserted: 0, edgesSkipped: 0 }
  const vectors = { stored: 0, skipped: 0 }
  const phases = new ImportPhases('store worker')
  removeImportingFile(file)
  let thread: InsertSink
  try {
    phases.time('copy store (VACUUM INTO)', () => copyStoreInto(db, file))
    thread = total.bytes >= OWN_THREAD_FROM_BYTES || process.env.GRAPHKEEP_IMPORT_THREAD === '1' ? new InsertThread(file) : new InsertHere(file)
  } catch (error) {
    // A full disk, say: a half-written copy must not stay beside the store until the next open.
    removeImportingFile(file)
    throw error
  }
  const written: Promise<void>[] = []
  let bytes = 0

  async function send(): Promise<void> {
    const batch = phases.time('take batch', () => rows.take())
    if (batch.nodes.length === 0 && batch.edges.length === 0 && batch.embeddings.length === 0) return
    const step = thread.request<WrittenCounts>({ kind: 'rows', batch }).then((done) => {
      counts.nodesInserted += done.nodes
      counts.edgesInserted += done.edges
      vectors.stored += done.vectors.stored
      vectors.skipped += done.vectors.skipped
      for (const problem of done.problems) problems.add(problem)
    })
    // Awaited below or in `finally`; until then a failed write (a full disk) must not count as unhandled.
    step.catch(() => undefined)
    written.push(step)
    await phases.timeAsync('wait for the insert thread', async () => {
      while (written.length >= MAX_IN_FLIGHT) await written.shift()
    })
    const done = counts.nodesInserted + counts.edgesInserted
    // Rows written, of an estimate from the share of the file read so far (or the rows a check counted).
    const estimate = bytes > 0 ? Math.max(done, Math.round((done * total.bytes) / bytes)) : null
    progress.update(done, total.rows === undefined ? estimate : Math.max(done, total.rows))
  }

  let swapped = false
  try {
    let readFrom = performance.now()
    try {
      for await (const chunk of readers[format]({ ...request.source, signal, onBytes: (read) => (bytes = read) })) {
        phases.add('read, parse, check', performance.now() - readFrom)
        phases.time('resolve keys to ids, properties to JSON', () => rows.add(chunk))
        readFrom = performance.now()
        if (rows.pending < ROWS_PER_BATCH) continue
        await send()
        await phases.timeAsync('yield to events', yieldToEvents)
        if (signal.aborted) break
        readFrom = performance.now()
      }
    } catch (error) {
      if (!signal.aborted) throw error
    }
    const cancelled = signal.aborted
    if (!cancelled) {
      rows.resolveWaiting()
      await send()
    }
    await phases.timeAsync('wait for the insert thread', () => Promise.all(written.splice(0)))
    counts.nodesSkipped = rows.nodeRecords - counts.nodesInserted
    counts.edgesSkipped = rows.edgeRecords - counts.edgesInserted
    if (request.options.onError === 'abort' && problems.count > 0) {
      counts.nodesInserted = counts.edgesInserted = 0
      vectors.skipped += vectors.stored
      vectors.stored = 0
    } else {
      if (!cancelled) await thread.request({ kind: 'meta', entries: rows.meta })
      progress.update(counts.nodesInserted + counts.edgesInserted, counts.nodesInserted + counts.edgesInserted, true)
      progress.phase('indexing', 'Building indexes')
      await phases.timeAsync('indexes and full text', async () => {
        for (let step = 0, steps = 1; step < steps; step++) {
          progress.update(step, steps, true)
          steps = await thread.request<number>({ kind: 'index', step })
        }
      })
      await phases.timeAsync('close the new file', async () => {
        await thread.request({ kind: 'close' })
        await thread.ended()
      })
      await phases.timeAsync('sync, swap in, reopen', () => context.replaceStore(() => swapInImportedFile(storeFile, file)))
      swapped = true
      phases.report()
      context.onEvent?.({ type: 'dataChanged', scopes: ['nodes', 'edges', 'meta'] })
    }
  } finally {
    if (!swapped) {
      await Promise.allSettled(written)
      await thread.terminate()
      removeImportingFile(file)
    }
  }
  const batchId = swapped ? thread.batchId : null
  return {
    writer: { counts, batchId, written: counts.nodesInserted + counts.edgesInserted, vectors },
    report: problems.report(format, counts.nodesInserted, counts.edgesInserted, vectors.stored),
  }
}
