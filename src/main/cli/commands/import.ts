import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { unwrap } from '../../api/dispatch.ts'
import { createStoreDispatch } from '../../api/store-dispatch.ts'
import { transferFormat, type ImportReport, type ImportRequestInput, type ImportSummary } from '../../../shared/transfer.ts'
import { defaultStoreFile } from '../../setup/data-dir.ts'
import { detectFormatFromName, StoreHost } from '../../store/index.ts'
import { UsageError } from '../args.ts'
import { EXIT, formatCount, parseFileAndFlags, progressBar, reportStoreError } from '../transfer-output.ts'

export const importUsage =
  'import <file> [--edges FILE] [--format F] [--store FILE] [--on-error abort|skip] [--on-duplicate skip|update|fail] [--dry-run] [--json]\n' +
  '                                                             import a graph file (jsonl, csv, graphml, gexf, graphkeep)\n' +
  '  import <vectors.npy> --keys FILE --model NAME [--store FILE] [--on-error abort|skip] [--dry-run] [--json]\n' +
  '                                                             import a model\'s vectors: row i of the array is the node on line i of the key list'

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`)
  return value as T
}

function describeProblems(report: ImportReport): string {
  const lines = report.problems.map((p) => `  ${p.file}:${p.line}  ${p.code}  ${p.message}`)
  if (report.problemsTruncated) lines.push(`  … and ${formatCount(report.problemCount - report.problems.length)} more`)
  return lines.join('\n')
}

function describeSummary(summary: ImportSummary): string {
  const { nodes, edges } = summary
  const head = summary.cancelled ? 'import cancelled; committed before it stopped:' : summary.batchId === null ? 'nothing imported' : 'imported'
  return [
    `${head} nodes ${formatCount(nodes.inserted)} new, ${formatCount(nodes.updated)} updated, ${formatCount(nodes.skipped)} skipped; ` +
      `edges ${formatCount(edges.inserted)} new, ${formatCount(edges.skipped)} skipped` +
      (summary.vectors.stored + summary.vectors.skipped > 0 ? `; vectors ${formatCount(summary.vectors.stored)} stored, ${formatCount(summary.vectors.skipped)} skipped` : ''),
    `${summary.seconds.toFixed(1)} s, ${formatCount(summary.rowsPerSecond)} rows/s${summary.batchId === null ? '' : `, audit batch ${summary.batchId}`}`,
  ].join('\n')
}

/** Imports a file into a store (created when missing), or with --dry-run only checks it. */
export async function importCommand(args: string[]): Promise<number> {
  const { file, flags } = parseFileAndFlags('import', args, {
    edges: { type: 'string' },
    keys: { type: 'string' },
    model: { type: 'string' },
    format: { type: 'string' },
    store: { type: 'string' },
    'on-error': { type: 'string' },
    'on-duplicate': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  })
  const format = flags.format === undefined ? undefined : choice('format', flags.format, transferFormat.options, 'jsonl')
  const path = resolve(file)
  const edgesPath = flags.edges === undefined ? undefined : resolve(flags.edges)
  const keysPath = flags.keys === undefined ? undefined : resolve(flags.keys)
  for (const file of [path, edgesPath, keysPath]) if (file !== undefined && !existsSync(file)) throw new UsageError(`there is no file ${file}`)
  if ((format ?? detectFormatFromName(path)) === 'npy' && (keysPath === undefined || flags.model === undefined)) {
    throw new UsageError('a .npy import needs --keys FILE (one node key per row) and --model NAME')
  }
  const request: ImportRequestInput = {
    source: { path, ...(edgesPath ? { edgesPath } : {}), ...(keysPath ? { keysPath } : {}), ...(flags.model !== undefined ? { model: flags.model } : {}), ...(format ? { format } : {}) },
    options: {
      onError: choice('on-error', flags['on-error'], ['abort', 'skip'] as const, 'abort'),
      onDuplicate: choice('on-duplicate', flags['on-duplicate'], ['skip', 'update', 'fail'] as const, 'fail'),
    },
    jobId: `cli-${randomUUID()}`,
  }
  let host: StoreHost
  try {
    // One command, one call at a time: readers beside the writer would only add their start-up.
    host = await StoreHost.open({ file: resolve(flags.store ?? defaultStoreFile()), readerCount: 0 })
  } catch (error) {
    return reportStoreError(error)
  }
  const bar = progressBar()
  const stopListening = host.onEvent(bar.onEvent)
  // Ctrl-C cancels: the batch in flight rolls back, the committed ones stay, and the summary says so.
  const cancel = () => void host.store.import.cancel({ jobId: request.jobId as string }).then((r) => r.cancelled)
  process.once('SIGINT', cancel)
  try {
    const dispatch = createStoreDispatch(host, 'cli')
    if (flags['dry-run']) {
      const report = unwrap(await dispatch('import.validate', request))
      bar.done()
      if (flags.json) process.stdout.write(JSON.stringify(report) + '\n')
      else {
        process.stdout.write(`${report.ok ? 'no problems' : `${formatCount(report.problemCount)} problem(s)`}: ${formatCount(report.nodes)} nodes and ${formatCount(report.edges)} edges${report.vectors > 0 ? ` (and ${formatCount(report.vectors)} vectors)` : ''} would be imported\n`)
        if (!report.ok) process.stdout.write(describeProblems(report) + '\n')
      }
      return report.ok ? EXIT.ok : EXIT.problems
    }
    const summary = unwrap(await dispatch('import.run', request))
    bar.done()
    if (flags.json) process.stdout.write(JSON.stringify(summary) + '\n')
    else {
      if (!summary.report.ok) {
        const skipped = request.options?.onError === 'skip'
        process.stdout.write(`${formatCount(summary.report.problemCount)} problem(s)${skipped ? '; these rows were left out' : '; nothing was written'}:\n${describeProblems(summary.report)}\n`)
      }
      process.stdout.write(describeSummary(summary) + '\n')
    }
    return summary.report.ok && !summary.cancelled ? EXIT.ok : EXIT.problems
  } catch (error) {
    bar.done()
    return reportStoreError(error)
  } finally {
    process.off('SIGINT', cancel)
    stopListening()
    await host.close()
  }
}
