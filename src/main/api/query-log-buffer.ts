import type { CallOrigin, NewQueryLogEntry } from '../../shared/querylog.ts'
import type { StoreHost } from '../store/index.ts'
import { summariseInput } from './summarise-input.ts'

/** One finished call, as dispatch saw it; summarised only when the buffer is written. */
export interface FinishedCall {
  method: string
  input: unknown
  at: number
  durationMs: number
  rowCount: number | null
  errorCode: string | null
  errorMessage: string | null
}

export interface CallLog {
  record(call: FinishedCall): void
}

const FLUSH_MS = 250
const FLUSH_AT = 500
/** While the store cannot take entries (it is busy or gone), at most this many wait; older ones go. */
const MAX_WAITING = 20_000
const MAX_ERROR_MESSAGE = 1000

type Append = (entries: NewQueryLogEntry[]) => Promise<unknown>

/**
 * The calls of one store, kept in memory and written in batches (every 250 ms, or at 500 entries)
 * so that logging adds a push to an array to each call, not a write. Summaries are made when the
 * batch is written, off the call's path.
 */
export class QueryLogBuffer {
  private waiting: (FinishedCall & { origin: CallOrigin })[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  private readonly append: Append

  constructor(append: Append) {
    this.append = append
  }

  record(call: FinishedCall, origin: CallOrigin): void {
    this.waiting.push({ ...call, origin })
    if (this.waiting.length >= FLUSH_AT) void this.flush()
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS)
      // A pending write never keeps a command-line run alive: closing the store writes it.
      this.timer.unref?.()
    }
  }

  /** Writes what is waiting; resolves once it (and every earlier write) is in the store. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.waiting
    this.waiting = []
    if (batch.length > 0) {
      const entries = batch.map(toEntry)
      // Sent now (the store may be closing right after this call), confirmed in order.
      const sent = this.append(entries).then(
        () => undefined,
        () => this.putBack(batch),
      )
      this.writing = this.writing.then(() => sent)
    }
    return this.writing
  }

  private putBack(batch: (FinishedCall & { origin: CallOrigin })[]): void {
    this.waiting = [...batch, ...this.waiting].slice(-MAX_WAITING)
  }
}

function toEntry(call: FinishedCall & { origin: CallOrigin }): NewQueryLogEntry {
  const summary = summariseInput(call.input)
  return {
    at: call.at,
    method: call.method,
    params: summary.json,
    paramsTruncated: summary.truncated,
    durationMs: call.durationMs,
    rowCount: call.rowCount,
    errorCode: call.errorCode,
    errorMessage: call.errorMessage === null ? null : call.errorMessage.slice(0, MAX_ERROR_MESSAGE),
    origin: call.origin,
  }
}

const buffers = new WeakMap<StoreHost, QueryLogBuffer>()

/** The log of one store's calls from one origin; every transport of a store shares its buffer. */
export function queryLogOf(host: StoreHost, origin: CallOrigin): CallLog & { flush(): Promise<void> } {
  let buffer = buffers.get(host)
  if (!buffer) {
    const created = new QueryLogBuffer((entries) => host.store.querylog.append({ entries }))
    buffers.set(host, created)
    host.whenClosing(() => created.flush())
    buffer = created
  }
  const shared = buffer
  return { record: (call) => shared.record(call, origin), flush: () => shared.flush() }
}
