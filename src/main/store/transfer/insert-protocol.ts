import type { ErrorData } from '../../../shared/errors.ts'
import type { NewStoreFile } from './new-store-file.ts'
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

/** A request carried out on the file being built (in the import worker, or in this thread for a small file). */
export function answerInsert(file: NewStoreFile, request: InsertRequest): unknown {
  if (request.kind === 'rows') return file.write(request.batch)
  if (request.kind === 'meta') return file.putMeta(request.entries)
  if (request.kind === 'index') return file.buildIndex(request.step)
  if (request.kind === 'close') return file.close()
  return file.abandon()
}
