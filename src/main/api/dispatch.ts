import type { z } from 'zod'
import { contract, isMethod, type Contract, type Handlers, type Input, type Method, type Output } from '../../shared/contract.ts'
import { GraphKeepError, toErrorData, type ErrorData, type Result } from '../../shared/errors.ts'
import { unloggedMethods } from '../../shared/querylog.ts'
import { countItems } from './count-items.ts'
import type { CallLog } from './query-log-buffer.ts'

/** Runs any contract call and answers with a Result; a named call gets its own output type. */
export interface Dispatch {
  <M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>
  /** What a transport receives: any name, any input; both are checked. */
  (method: string, input: unknown): Promise<Result<unknown>>
}

export interface DispatchOptions {
  /** Where every call but the log's own reads is recorded: name, input, time taken, rows, error. */
  log?: CallLog
}

function validationDetails(error: z.ZodError) {
  return {
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  }
}

type Parsed = { ok: true; input: unknown } | { ok: false; error: ErrorData }

function parseInput(method: Method, input: unknown): Parsed {
  let parsed: ReturnType<Contract[typeof method]['input']['safeParse']>
  try {
    parsed = contract[method].input.safeParse(input === undefined ? {} : input)
  } catch (error) {
    // A getter or proxy that throws while being read (only possible for in-process callers).
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'VALIDATION', message: `${method}: the input could not be read (${reason})` } }
  }
  if (parsed.success) return { ok: true, input: parsed.data }
  const details = validationDetails(parsed.error)
  const first = details.issues[0]
  const message = first ? `${method}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `${method}: invalid input`
  return { ok: false, error: { code: 'VALIDATION', message, details } }
}

/** Checks the method and input against the contract, runs the handler, and returns errors as data. */
export function createDispatch(handlers: Handlers<Contract>, options: DispatchOptions = {}): Dispatch {
  const { log } = options
  return async (method: string, input?: unknown): Promise<Result<unknown>> => {
    if (!isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${name}"` } }
    }
    const at = Date.now()
    const started = performance.now()
    const result = await runHandler(handlers, method, input)
    if (log && !unloggedMethods.has(method)) {
      log.record({
        method,
        input: result.input,
        at,
        durationMs: performance.now() - started,
        rowCount: result.answer.ok ? countItems(result.answer.data) : null,
        errorCode: result.answer.ok ? null : result.answer.error.code,
        errorMessage: result.answer.ok ? null : result.answer.error.message,
      })
    }
    return result.answer
  }
}

async function runHandler(handlers: Handlers<Contract>, method: Method, raw: unknown): Promise<{ input: unknown; answer: Result<unknown> }> {
  const parsed = parseInput(method, raw)
  if (!parsed.ok) return { input: raw, answer: parsed }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return { input: parsed.input, answer: { ok: true, data: await handler(parsed.input) } }
  } catch (error) {
    return { input: parsed.input, answer: { ok: false, error: toErrorData(error) } }
  }
}

/** Unwraps a Result, throwing its error as a GraphKeepError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data
  throw GraphKeepError.fromData(result.error)
}
