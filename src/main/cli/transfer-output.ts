import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { AppEvent } from '../../shared/events.ts'
import { GraphKeepError, toErrorData } from '../../shared/errors.ts'
import { UsageError } from './args.ts'

/** Exit codes of import and export: 0 done, 1 problems found (nothing or only good rows written), 2 usage, 3 store error. */
export const EXIT = { ok: 0, problems: 1, usage: 2, store: 3 } as const

const number = (n: number) => Math.round(n).toLocaleString('en')

function bar(event: Extract<AppEvent, { type: 'progress' }>): string {
  const width = 30
  const fraction = event.total ? Math.min(1, event.done / event.total) : 0
  const filled = Math.round(fraction * width)
  const rate = event.rate ? ` ${number(event.rate)}/s` : ''
  const eta = event.etaSeconds != null ? ` ${Math.ceil(event.etaSeconds)} s left` : ''
  const amount = event.total ? `${Math.floor(fraction * 100)}%` : number(event.done)
  return `${(event.phase ?? event.label).padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${amount}${rate}${eta}`
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (the summary follows at the end). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { onEvent: (event: AppEvent) => void; done: () => void } {
  let shown = false
  return {
    onEvent(event) {
      if (!stream.isTTY || event.type !== 'progress') return
      stream.write(`\r${bar(event).padEnd(Math.max(0, (stream.columns ?? 80) - 1)).slice(0, (stream.columns ?? 80) - 1)}`)
      shown = true
    },
    done() {
      if (shown) stream.write('\n')
      shown = false
    },
  }
}

/** A store error: printed as the store said it, exit code 3. */
export function reportStoreError(error: unknown): number {
  if (!(error instanceof GraphKeepError) && !(error as { code?: unknown })?.code) throw error
  const { code, message } = toErrorData(error)
  process.stderr.write(`error ${code}: ${message}\n`)
  return EXIT.store
}

export { number as formatCount }

/** Flags plus exactly one file argument, strictly: anything else is a usage error. */
export function parseFileAndFlags<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  let parsed
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, allowNegative: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`${command} takes exactly one file, not ${parsed.positionals.length}`)
  return { file: parsed.positionals[0] as string, flags: parsed.values }
}
