import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { unwrap } from '../../api/dispatch.ts'
import { createStoreDispatch } from '../../api/store-dispatch.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import { transferFormat, type TransferFormat } from '../../../shared/transfer.ts'
import { defaultStoreFile } from '../../setup/data-dir.ts'
import { detectFormatFromName, StoreHost } from '../../store/index.ts'
import { UsageError } from '../args.ts'
import { EXIT, formatCount, parseFileAndFlags, progressBar, reportStoreError } from '../transfer-output.ts'

export const exportUsage =
  'export <file> [--format F] [--store FILE] [--json]           write every node and edge of a store to a file\n' +
  '  export <vectors.npy> --model NAME [--keys FILE] [--store FILE] [--json]\n' +
  '                                                             write a model\'s vectors as float32 .npy, the keys beside it (vectors.keys.txt)'

/** Exports a whole store to a file; the format comes from --format or the file name. */
export async function exportCommand(args: string[]): Promise<number> {
  const { file, flags } = parseFileAndFlags('export', args, {
    format: { type: 'string' },
    model: { type: 'string' },
    keys: { type: 'string' },
    store: { type: 'string' },
    json: { type: 'boolean', default: false },
  })
  const path = resolve(file)
  let format: TransferFormat | undefined
  if (flags.format !== undefined) {
    const parsed = transferFormat.safeParse(flags.format)
    if (!parsed.success) throw new UsageError(`--format must be one of ${transferFormat.options.join(', ')}, not "${flags.format.slice(0, 40)}"`)
    format = parsed.data
  } else {
    format = detectFormatFromName(path)
    if (!format) throw new UsageError(`cannot tell the format from the name ${file}: add --format`)
  }
  if (format === 'npy' && flags.model === undefined) throw new UsageError('a .npy export needs --model NAME (the model whose vectors it writes)')
  const vectors = format === 'npy' ? { model: flags.model, ...(flags.keys === undefined ? {} : { keysPath: resolve(flags.keys) }) } : {}
  const storeFile = resolve(flags.store ?? defaultStoreFile())
  if (!existsSync(storeFile)) return reportStoreError(new GraphKeepError('NOT_FOUND', `there is no store at ${storeFile}`))
  let host: StoreHost
  try {
    // One command, one call at a time: readers beside the writer would only add their start-up.
    host = await StoreHost.open({ file: storeFile, readerCount: 0 })
  } catch (error) {
    return reportStoreError(error)
  }
  const bar = progressBar()
  const stopListening = host.onEvent(bar.onEvent)
  try {
    const dispatch = createStoreDispatch(host, 'cli')
    const summary = unwrap(await dispatch('export.run', { format, path, ...vectors, jobId: `cli-${randomUUID()}` }))
    bar.done()
    if (flags.json) process.stdout.write(JSON.stringify(summary) + '\n')
    else {
      const what = summary.vectors === undefined ? `${formatCount(summary.nodes)} nodes and ${formatCount(summary.edges)} edges` : `${formatCount(summary.vectors)} vectors`
      process.stdout.write(`exported ${what} in ${summary.seconds.toFixed(1)} s\n`)
      for (const f of summary.files) process.stdout.write(`  ${f.path}  ${formatCount(f.bytes)} bytes\n`)
    }
    return EXIT.ok
  } catch (error) {
    bar.done()
    return reportStoreError(error)
  } finally {
    stopListening()
    await host.close()
  }
}
