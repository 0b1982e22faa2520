import { resolve } from 'node:path'
import { createInspector } from '../../inspect/open-as-store.ts'
import { isLoopbackAddress } from '../../server/bind-address.ts'
import type { WebServer } from '../../server/index.ts'
import { serveStore } from '../../server/serve-store.ts'
import { defaultStoreFile } from '../../setup/data-dir.ts'
import { openAppStore } from '../../setup/first-run.ts'
import { StoreHost } from '../../store/index.ts'
import { checkStoreAtStartup } from '../../setup/startup-check.ts'
import { parseFlags, parsePort, UsageError } from '../args.ts'
import { rendererDir } from '../renderer-dir.ts'
import { startBackupSchedule } from '../../schedule/backup-schedule.ts'

export const serveUsage =
  'serve [--store FILE] [--port N] [--host H] [--no-sample] [--no-backup-schedule] [--read-only]   serve the app to a browser on this machine'

/** The line end-to-end tests and scripts wait for; keep its prefix stable. */
export const URL_LINE_PREFIX = 'GraphKeep web mode: '

const untilSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      // A second signal while closing means the user wants out now.
      process.once('SIGINT', () => process.exit(130))
      process.once('SIGTERM', () => process.exit(143))
      resolve(signal)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

/** Web mode: the store, the same API and the built renderer over HTTP on a loopback address, until Ctrl-C. */
export async function serve(args: string[]): Promise<number> {
  const flags = parseFlags(args, {
    store: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    sample: { type: 'boolean', default: true },
    'backup-schedule': { type: 'boolean', default: true },
    'read-only': { type: 'boolean', default: false },
  })
  const port = parsePort(flags.port)
  // Checked before the store is opened, so a refused start leaves no new store behind.
  if (flags.host !== undefined && !isLoopbackAddress(flags.host)) {
    throw new UsageError(`--host must be a loopback address (127.0.0.1, ::1 or localhost), not "${flags.host.slice(0, 100)}"`)
  }
  const renderer = rendererDir()
  const file = resolve(flags.store ?? defaultStoreFile())
  // --read-only opens any store or backup for inspection: nothing is written, nothing is scheduled.
  const readOnly = flags['read-only'] === true
  const host = readOnly ? await StoreHost.open({ file, readOnly }) : await openAppStore({ file, seedSample: flags.sample !== false })
  // "Open as store" serves a backup read-only on a server of its own, beside this one.
  const inspector = createInspector(renderer)
  let server: WebServer
  try {
    server = await serveStore(host, { rendererDir: renderer, host: flags.host, port, extras: { openAsStore: inspector.openAsStore } })
  } catch (error) {
    await host.close()
    throw error
  }
  const backupSchedule = flags['backup-schedule'] !== false && !readOnly ? startBackupSchedule(host.store) : null
  const stopped = untilSignal()
  process.stdout.write(`${URL_LINE_PREFIX}${server.url}\n`)
  process.stdout.write(`store: ${file}\n`)
  const check = await checkStoreAtStartup(host.store)
  if (!check.ok) {
    const offer = check.newestGoodBackup ? `restore ${check.newestGoodBackup.id} from the Backups page` : 'no backup passes verification'
    process.stderr.write(`warning: the store failed its quick check (${check.problems[0] ?? 'unknown'}); ${offer}\n`)
  }
  await stopped
  await server.close()
  await inspector.closeAll()
  await backupSchedule?.stop()
  await backupSchedule?.backupAtQuitIfDue()
  await host.close()
  return 0
}
