import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { unwrap } from '../../api/dispatch.ts'
import { createStoreDispatch } from '../../api/store-dispatch.ts'
import type { StoreStats, TypeCounts } from '../../../shared/domain.ts'
import { GraphKeepError } from '../../../shared/errors.ts'
import { StoreHost } from '../../store/index.ts'
import { defaultStoreFile } from '../../setup/data-dir.ts'
import { parseFlags } from '../args.ts'

export const statsUsage = 'stats [--store FILE] [--json]                              print the size and contents of a store'

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`)

function describe(stats: StoreStats, types: TypeCounts): string {
  const rows: [string, string][] = [
    ['store', stats.name],
    ['file', stats.file],
    ['nodes', String(stats.nodeCount)],
    ['edges', String(stats.edgeCount)],
    ['file size', bytes(stats.fileBytes)],
    ['WAL size', bytes(stats.walBytes)],
    ['schema version', String(stats.schemaVersion)],
    ['SQLite', stats.sqliteVersion],
    ['GraphKeep', stats.appVersion],
  ]
  for (const { type, count } of types.nodeTypes) rows.push([`  node type ${type}`, String(count)])
  for (const { type, count } of types.edgeTypes) rows.push([`  edge type ${type}`, String(count)])
  const width = Math.max(...rows.map(([name]) => name.length))
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')
}

/** Prints what a store holds; never creates one. */
export async function stats(args: string[]): Promise<number> {
  const flags = parseFlags(args, { store: { type: 'string' }, json: { type: 'boolean', default: false } })
  const file = resolve(flags.store ?? defaultStoreFile())
  if (!existsSync(file)) throw new GraphKeepError('NOT_FOUND', `there is no store at ${file}`)
  // One command, one call at a time: readers beside the writer would only add their start-up.
  const host = await StoreHost.open({ file, readerCount: 0 })
  try {
    const dispatch = createStoreDispatch(host, 'cli')
    const storeStats = unwrap(await dispatch('store.stats', {}))
    if (flags.json) {
      process.stdout.write(JSON.stringify(storeStats, null, 2) + '\n')
    } else {
      const types = unwrap(await dispatch('types.counts', {}))
      process.stdout.write(describe(storeStats, types) + '\n')
    }
    return 0
  } finally {
    await host.close()
  }
}
