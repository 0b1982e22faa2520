import type { ErrorData } from '../../../shared/errors.ts'
import type { RowBatch } from './resolved-rows.ts'

/** What the store's worker asks of the import worker; every request gets one reply, in order. */
export type InsertRequest = { id: number } & (
  | { kind: 'rows'; batch: RowBatch }
  | { kind: 'meta'; entries: { key: string; value: unknown }[] }
  | { kind: 'index'; step: number }
  | { kind: 'close' }
  | { kind: 'abandon' }
)

export type InsertReply = { id: number } & ({ ok: true; value: unknown; batchId: number | null } | { ok: false; error: ErrorData })
