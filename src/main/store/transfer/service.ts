import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import type { AppEvent, DataScope } from '../../../shared/events.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import type { ExportRequest, ImportReport, ImportRequest, ImportSource, ImportSummary, TransferFormat } from '../../../shared/transfer.ts'
import type { Db } from '../db.ts'
import { isStoreEmpty } from '../repos/bulk-indexes.ts'
import type { Calls } from '../api.ts'
import type { UnitOfWork } from '../unit-of-work.ts'
import { clearInterruptedImport, enterBulkMode, leaveBulkMode } from './bulk-mode.ts'
import { BulkImport } from './bulk-import.ts'
import { ImportCheck } from './check.ts'
import { detectFormat, fileSize, readers } from './detect.ts'
import { runExport } from './export.ts'
import { inspectSource } from './inspect.ts'
import { ImportWriter, ROWS_PER_BATCH, type InsertCounts } from './insert.ts'
import { ProblemList } from './problems.ts'
import { createProgress, type Progress } from './progress.ts'
import { withScratch } from './scratch.ts'
import { importIntoNewFile } from './swap-import.ts'

export interface TransferContext {
  /** The store's current connection (a restore replaces it). */
  db: () => Db
  storeFile: string
  onEvent?: (event: AppEvent) => void
  /** The store's one write path, for the current connection. */
  work: () => UnitOfWork
  /** Runs work while every other write is refused with STORE_BUSY. */
  exclusively: <T>(work: string, run: () => Promise<T>) => Promise<T>
  /** Closes every connection, runs `swap` on the closed store file and opens it again: an import into an empty store swaps in a new file. */
  replaceStore?: (swap: () => void) => Promise<void>
}

/** What an import wrote, for its summary. */
type ImportOutcome = { counts: InsertCounts; batchId: number | null; written: number; vectors: { stored: number; skipped: number } }

/**
 * The in-place bulk import of earlier versions, for an empty store too: kept for the tests of what its
 * crash leaves (finishInterruptedBulkImport still repairs stores an older version left mid-import).
 */
const importsInPlace = () => process.env.GRAPHKEEP_IMPORT_IN_PLACE === '1'

const IMPORT_SCOPES = ['nodes', 'edges', 'meta'] as const satisfies DataScope[]
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

function filesOf(source: ImportSource): string[] {
  return [source.path, source.edgesPath, source.keysPath].filter((path): path is string => path !== undefined)
}

/** The same files, unchanged since they were checked: their size and modification time are part of the name. */
function sourceKey(source: ImportSource): string {
  return JSON.stringify(filesOf(source).map((file) => {
    const stat = statSync(file, { throwIfNoEntry: false })
    return [file, stat?.size, stat?.mtimeMs]
  }))
}

export function createTransferCalls(context: TransferContext) {
  const jobs = new Map<string, AbortController>()
  // Rows each checked source will write: an import after a check reports against that, not an estimate from bytes read.
  const checkedRows = new Map<string, number>()

  /** One transfer job at a time: it owns the scratch database and the progress channel. */
  async function asJob<T>(requested: string | undefined, run: (jobId: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (jobs.size > 0) throw new GraphKeepError('STORE_BUSY', 'another import or export is running; wait for it or cancel it')
    const jobId = requested ?? randomUUID()
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      return await run(jobId, controller.signal)
    } finally {
      jobs.delete(jobId)
    }
  }

  async function formatOf(source: ImportSource): Promise<TransferFormat> {
    const [first] = filesOf(source)
    for (const file of filesOf(source)) fileSize(file)
    return source.format ?? (await detectFormat(first as string))
  }

  /** The validation pass: every record read and checked; the scratch database keeps what the insert pass needs. */
  async function check(db: Db, request: ImportRequest, format: TransferFormat, progress: Progress, signal: AbortSignal): Promise<{ check: ImportCheck; report: ImportReport }> {
    const total = filesOf(request.source).reduce((sum, file) => sum + fileSize(file), 0)
    const importCheck = new ImportCheck(db, request.options, new ProblemList())
    const records = readers[format]({ ...request.source, signal, onBytes: (bytes) => progress.update(bytes, total) })
    for await (const chunk of records) importCheck.checkChunk(chunk)
    importCheck.finish()
    progress.update(total, total, true)
    return { check: importCheck, report: importCheck.problems.report(format, importCheck.nodes, importCheck.edges, importCheck.vectors) }
  }

  async function insert(db: Db, request: ImportRequest, format: TransferFormat, importCheck: ImportCheck, total: number, progress: Progress, signal: AbortSignal) {
    const writer = new ImportWriter(db, context.work().begin('import', IMPORT_SCOPES), request.options, (file) => importCheck.fileId(file))
    try {
      for await (const chunk of readers[format]({ ...request.source, signal })) {
        writer.add(chunk)
        if (writer.pending < ROWS_PER_BATCH) continue
        writer.flush()
        progress.update(writer.written, total)
        await yieldToEvents()
        if (signal.aborted) break
      }
      if (!signal.aborted) {
        writer.flush()
        writer.flushDeferred()
      }
    } catch (error) {
      if (!signal.aborted) throw error
    } finally {
      writer.finish()
    }
    return writer
  }

  /** An empty store: one pass, no validation pass before it, indexes built once at the end. */
  async function bulkInsert(db: Db, request: ImportRequest, format: TransferFormat, progress: Progress, signal: AbortSignal) {
    const total = filesOf(request.source).reduce((sum, file) => sum + fileSize(file), 0)
    const problems = new ProblemList()
    const bulk = new BulkImport(db, context.work().begin('import', IMPORT_SCOPES), request.options, problems)
    let bytes = 0
    let failed = false
    const checked = checkedRows.get(sourceKey(request.source))
    enterBulkMode(db, request.options.onError)
    try {
      for await (const chunk of readers[format]({ ...request.source, signal, onBytes: (read) => (bytes = read) })) {
        bulk.add(chunk)
        if (bulk.pending < ROWS_PER_BATCH) continue
        bulk.flush()
        // Rows written, of an estimate from the share of the file read so far.
        const estimate = bytes > 0 ? Math.max(bulk.written, Math.round((bulk.written * total) / bytes)) : null
        progress.update(bulk.written, checked === undefined ? estimate : Math.max(bulk.written, checked))
        await yieldToEvents()
        if (signal.aborted) break
      }
    } catch (error) {
      failed = !signal.aborted
      if (failed) throw error
    } finally {
      bulk.finish(failed ? 'failed' : signal.aborted ? 'cancelled' : 'done')
      progress.update(bulk.written, bulk.written, true)
      progress.phase('indexing', 'Building indexes')
      await leaveBulkMode(db, async (step, steps) => {
        progress.update(step, steps, true)
        await yieldToEvents()
      })
      bulk.change.finish()
    }
    return { writer: bulk, report: problems.report(format, bulk.counts.nodesInserted, bulk.counts.edgesInserted, bulk.vectors.stored) }
  }

  async function runImport(request: ImportRequest): Promise<ImportSummary> {
    const format = await formatOf(request.source)
    return asJob(request.jobId, (jobId, signal) => context.exclusively('an import', async () => {
      const started = performance.now()
      const progress = createProgress(jobId, context.onEvent, 'Checking the file', 'validating')
      const summary = (report: ImportReport, writer: ImportOutcome | null, cancelled: boolean): ImportSummary => {
        const seconds = (performance.now() - started) / 1000
        const c = writer?.counts ?? { nodesInserted: 0, nodesUpdated: 0, nodesSkipped: 0, edgesInserted: 0, edgesSkipped: 0 }
        return {
          jobId, format, batchId: writer?.batchId ?? null, cancelled, seconds, report,
          nodes: { inserted: c.nodesInserted, updated: c.nodesUpdated, skipped: c.nodesSkipped },
          edges: { inserted: c.edgesInserted, skipped: c.edgesSkipped },
          vectors: writer?.vectors ?? { stored: 0, skipped: 0 },
          rowsPerSecond: seconds > 0 ? (writer?.written ?? 0) / seconds : 0,
        }
      }
      const replaceStore = context.replaceStore
      if (replaceStore && !importsInPlace() && isStoreEmpty(context.db())) {
        progress.phase('importing', 'Importing')
        const total = { bytes: filesOf(request.source).reduce((sum, file) => sum + fileSize(file), 0), rows: checkedRows.get(sourceKey(request.source)) }
        const swapContext = { db: context.db(), storeFile: context.storeFile, replaceStore, onEvent: context.onEvent }
        const { writer, report } = await importIntoNewFile(swapContext, request, format, progress, signal, total)
        return summary(report, writer, signal.aborted)
      }
      return withScratch(context.db(), context.storeFile, async (db) => {
        if (isStoreEmpty(db)) {
          progress.phase('importing', 'Importing')
          const { writer, report } = await bulkInsert(db, request, format, progress, signal)
          return summary(report, writer, signal.aborted)
        }
        clearInterruptedImport(db)
        let checked
        try {
          checked = await check(db, request, format, progress, signal)
        } catch (error) {
          if (!signal.aborted) throw error
          return summary(new ProblemList().report(format, 0, 0), null, true)
        }
        const { report } = checked
        if (signal.aborted) return summary(report, null, true)
        if (!report.ok && request.options.onError === 'abort') return summary(report, null, false)
        progress.phase('importing', 'Importing')
        const writer = await insert(db, request, format, checked.check, report.nodes + report.edges + report.vectors, progress, signal)
        return summary(report, writer, signal.aborted)
      })
    }))
  }

  const importCalls = {
    inspect: async (source) => inspectSource(source, await formatOf(source)),
    async validate(request) {
      if (context.db().readonly) throw new GraphKeepError('READ_ONLY', 'the store is open read-only for inspection: it takes no imports')
      const format = await formatOf(request.source)
      return asJob(request.jobId, (jobId, signal) => withScratch(context.db(), context.storeFile, async (db) => {
        const progress = createProgress(jobId, context.onEvent, 'Checking the file', 'validating')
        const { report } = await check(db, request, format, progress, signal)
        checkedRows.set(sourceKey(request.source), report.nodes + report.edges + report.vectors)
        return report
      }))
    },
    run: runImport,
    cancel({ jobId }) {
      const job = jobs.get(jobId)
      job?.abort(new GraphKeepError('CONFLICT', 'the import was cancelled'))
      return { cancelled: job !== undefined }
    },
  } satisfies Calls<'import'>
  const exportCalls = {
    run(request: ExportRequest) {
      return asJob(request.jobId, (jobId, signal) => {
        const progress = createProgress(jobId, context.onEvent, 'Exporting', 'exporting')
        return runExport(context.db(), context.storeFile, request, progress, signal)
      })
    },
  } satisfies Calls<'export'>
  return { import: importCalls, export: exportCalls }
}
