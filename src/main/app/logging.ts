import { join } from 'node:path'
import { app, dialog, shell } from 'electron'
import log from 'electron-log/main'
import { redactSecrets } from '../../shared/redact-secrets.ts'

/** One rotating log file in the user's data folder: main, the renderer (its console) and the store worker. */
export const logFile = () => join(app.getPath('userData'), 'logs', 'graphkeep.log')

export function startLogging(): void {
  const file = logFile()
  log.transports.file.resolvePathFn = () => file
  // electron-log keeps one older file (graphkeep.old.log) when this size is reached.
  log.transports.file.maxSize = 5 * 1024 * 1024
  log.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => (typeof part === 'string' ? redactSecrets(part) : part)) }))
  // The renderer needs no logging code or preload of its own: its console is read here.
  log.initialize({ preload: false, spyRendererConsole: true })
  // The store worker writes to the same file (src/main/store/worker-log.ts).
  process.env.GRAPHKEEP_LOG_FILE = file
  Object.assign(console, log.functions)
  process.on('uncaughtException', (error) => showError('GraphKeep hit an unexpected error', error))
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', error))
}

/** An error dialog that says what happened and where the full account is; the error itself goes to the log. */
export function showError(title: string, error: unknown): void {
  log.error(title, error)
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox(title, `${redactSecrets(message)}\n\nThe details are in the log: ${logFile()} (Help ▸ Reveal logs).`)
}

export const revealLogs = () => shell.showItemInFolder(logFile())
export { log }
