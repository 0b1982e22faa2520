import type { z } from 'zod'
import { contract, isMethod, type Contract, type Handlers, type Input, type Method, type Output } from '../../shared/contract.ts'
import { GraphKeepError, toErrorData, type Result } from '../../shared/errors.ts'

/** Runs any contract call and answers with a Result; a named call gets its own output type. */
export interface Dispatch {
  <M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>
  /** What a transport receives: any name, any input; both are checked. */
  (method: string, input: unknown): Promise<Result<unknown>>
}

function validationDetails(error: z.ZodError) {
  return {
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  }
}

/** Checks the method and input against the contract, runs the handler, and returns errors as data. */
export function createDispatch(handlers: Handlers<Contract>): Dispatch {
  return async (method: string, input?: unknown): Promise<Result<unknown>> => {
    if (!isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${name}"` } }
    }
    let parsed: ReturnType<Contract[typeof method]['input']['safeParse']>
    try {
      parsed = contract[method].input.safeParse(input === undefined ? {} : input)
    } catch (error) {
      // A getter or proxy that throws while being read (only possible for in-process callers).
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'VALIDATION', message: `${method}: the input could not be read (${reason})` } }
    }
    if (!parsed.success) {
      const details = validationDetails(parsed.error)
      const first = details.issues[0]
      const message = first ? `${method}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `${method}: invalid input`
      return { ok: false, error: { code: 'VALIDATION', message, details } }
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>
      const output = await handler(parsed.data)
      return { ok: true, data: output }
    } catch (error) {
      return { ok: false, error: toErrorData(error) }
    }
  }
}

/** Unwraps a Result, throwing its error as a GraphKeepError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data
  throw GraphKeepError.fromData(result.error)
}
