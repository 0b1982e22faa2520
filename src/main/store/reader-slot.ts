import { Worker } from 'node:worker_threads'
import { GraphKeepError, type ErrorData } from '../../shared/errors.ts'
import type { AppEvent } from '../../shared/events.ts'
import { workerFile } from './worker-file.ts'
import type { HostNotice, HostRequest, ReaderInit, WorkerReply } from './worker-protocol.ts'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export interface ReaderSlotEvents {
  onEvent: (event: AppEvent) => void
  /** The reader asks for a (newer) shared adjacency. */
  onNeedAdjacency: () => void
  /** The reader asks for (newer) shared vectors. */
  onNeedVectors?: () => void
  /** The reader asks for a model's index to be built or brought up to date (by the writer). */
  onNeedIndex?: (model: string) => void
  /** The worker ended without being asked to (a crash, or killed); its calls in flight were failed. */
  onLost: (slot: ReaderSlot) => void
}

/** Calls that were running in a reader when it died fail with this; the next call goes to a fresh reader. */
export const readerLost = () =>
  new GraphKeepError('INTERNAL', 'the reader answering this call stopped; try again', { reader: 'stopped', retryable: true })

/** One reader worker: its read-only connection, and the calls sent to it that have not been answered yet. */
export class ReaderSlot {
  readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private stopping = false
  /** Set when the worker could not open its connection: a replacement would fail the same way. */
  failedToOpen = false
  /** Set once the connection is open: until then the pool sends it nothing (the writer answers instead). */
  ready = false
  readonly exited: Promise<void>

  constructor(init: ReaderInit, events: ReaderSlotEvents) {
    this.worker = new Worker(workerFile('readerWorker', 'reader-worker.ts'), { workerData: init })
    this.worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'reply') this.settle(message.id, message.ok ? { value: message.value } : { error: message.error })
      else if (message.kind === 'event') events.onEvent(message.event)
      else if (message.kind === 'needAdjacency') events.onNeedAdjacency()
      else if (message.kind === 'needVectors') events.onNeedVectors?.()
      else if (message.kind === 'needIndex') events.onNeedIndex?.(message.model)
      else if (message.kind === 'ready') this.ready = true
      else if (message.kind === 'failed') {
        this.failedToOpen = true
        this.failAll(GraphKeepError.fromData(message.error))
      }
    })
    // An 'error' is always followed by 'exit'.
    this.worker.on('error', () => {})
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.failAll(this.stopping ? new GraphKeepError('STORE_CLOSED', 'the store is closed') : readerLost())
        if (!this.stopping) events.onLost(this)
        resolve()
      })
    })
  }

  /** Calls sent and not yet answered: the pool sends the next call to the least loaded reader. */
  get load(): number {
    return this.pending.size
  }

  get alive(): boolean {
    return !this.stopping
  }

  call(method: string, args: unknown[]): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, method, args } satisfies HostRequest)
    })
  }

  notify(notice: HostNotice): void {
    if (!this.stopping) this.worker.postMessage(notice)
  }

  /** Lets the calls already sent finish (up to `graceMs`), closes the connection, and ends the worker. */
  async stop(graceMs: number): Promise<void> {
    if (this.stopping) return this.exited
    const closing = this.call('close', [])
    this.stopping = true
    const timer = setTimeout(() => void this.worker.terminate(), graceMs)
    await closing.catch(() => undefined)
    clearTimeout(timer)
    await this.worker.terminate()
    await this.exited
  }

  private settle(id: number, outcome: { value: unknown } | { error: ErrorData }): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    if ('error' in outcome) pending.reject(GraphKeepError.fromData(outcome.error))
    else pending.resolve(outcome.value)
  }

  private failAll(error: GraphKeepError): void {
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}
