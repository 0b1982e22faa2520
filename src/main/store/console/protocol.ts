import type { ErrorData } from '../../../shared/errors.ts'

/** Messages between the SQL console (in the process hosting the store) and its own process. */
export type ConsoleRequest =
  | { id: number; kind: 'run'; file: string; sql: string; rowCap: number }
  | { id: number; kind: 'plan'; file: string; sql: string }
  | { id: number; kind: 'schema'; file: string }

export type ConsoleReply = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData }
