import log from 'electron-log/node'
import { redactSecrets } from '../../shared/redact-secrets.ts'

// The desktop app names its rotating log file in GRAPHKEEP_LOG_FILE; the worker writes there too (CLI and tests: console only).
const file = process.env.GRAPHKEEP_LOG_FILE
if (file) {
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = 5 * 1024 * 1024
} else {
  log.transports.file.level = false
}
log.transports.console.level = false
log.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => (typeof part === 'string' ? redactSecrets(part) : part)) }))

/** A failure the user saw as INTERNAL: its stack goes to the log, so that nothing about it is lost. */
export function logWorkerFailure(what: string, error: unknown): void {
  log.scope('store').error(what, error instanceof Error ? (error.stack ?? error.message) : String(error))
}
