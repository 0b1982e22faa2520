import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { GraphKeepError, type ErrorData } from '../../shared/errors.ts'
import type { AppEvent, DataScope } from '../../shared/events.ts'
import type { Output } from '../../shared/contract.ts'
import type { StoreMethod } from './api.ts'
import { ReaderPool } from './reader-pool.ts'
import { isReadCall } from './routing.ts'
import { WriteGeneration } from './write-generation.ts'
import type { RemoteStore } from './types.ts'
import { workerFile } from './worker-file.ts'
import type { HostNotice, HostRequest, WorkerInit, WorkerReply } from './worker-protocol.ts'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/** How long close() waits for the writer's own clean close, then for its thread to end once terminated. */
export interface CloseLimits {
  answerMs: number
  terminateMs: number
}
/** The writer's close saves indexes and checkpoints the WAL (seconds on a big store); past this it is stuck. */
const CLOSE_LIMITS: CloseLimits = { answerMs: 60_000, terminateMs: 5_000 }

const storeClosed = () => new GraphKeepError('STORE_CLOSED', 'the store is closed')

/** The task's outcome, or 'late' after `ms`: nothing here waits forever on a thread that does not answer. */
function within(ms: number, task: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms, 'late')))
  return Promise.race([task.catch(() => undefined), late]).finally(() => clearTimeout(timer))
}

/** Readers beside the writer: one per core, at least two; none for a store opened read-only for inspection. */
const defaultReaderCount = (init: WorkerInit) => (init.readOnly ? 0 : Math.max(2, availableParallelism()))

function runNow(task: () => Promise<void> | void): Promise<void> {
  try {
    return Promise.resolve(task())
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * Runs the graph store in worker threads and gives async, typed access to it: the writer's worker
 * for writes, imports and backups, and a pool of readers for the calls that only read (routing.ts).
 */
export class StoreHost {
  readonly store: RemoteStore
  readonly file: string
  private readonly worker: Worker
  /** Null when the writer answers every call (a store opened read-only, or readerCount 0). */
  readonly readers: ReaderPool | null
  private readonly pending = new Map<number, Pending>()
  private readonly eventListeners = new Set<(event: AppEvent) => void>()
  private nextId = 1
  private closed: Promise<void> | null = null
  private readonly closingTasks: (() => Promise<void> | void)[] = []
  private readonly generation = new WriteGeneration()
  /** Set when the writer's thread has ended (closed, or died): calls to it then fail at once. */
  private writerGone = false
  private readonly closeLimits: CloseLimits

  private constructor(worker: Worker, init: WorkerInit & { readerCount: number }, closeLimits: CloseLimits) {
    this.worker = worker
    this.closeLimits = closeLimits
    this.file = init.file
    const emit = (event: AppEvent) => {
      for (const listener of this.eventListeners) listener(event)
    }
    // A reader's search that finds a similarity index missing or behind asks the writer, which owns the index files.
    const onNeedIndex = (model: string) => void this.store.vectors.ensureIndex({ model }).catch(() => {})
    this.readers = init.readerCount > 0 ? new ReaderPool({ file: init.file, name: init.name, size: init.readerCount, onEvent: emit, generation: this.generation.buffer, onNeedIndex }) : null
    // store.nodes.get(input) sends 'nodes.get'; 'then' stays undefined so that awaiting a proxy does not call the worker.
    const domain = (name: string) =>
      new Proxy({}, { get: (_target, verb) => (verb === 'then' || typeof verb !== 'string' ? undefined : (...args: unknown[]) => this.request(`${name}.${verb}`, args)) })
    this.store = new Proxy({} as RemoteStore, {
      get: (_target, name) => (name === 'then' || typeof name !== 'string' ? undefined : domain(name)),
    })
    worker.on('message', (message: WorkerReply) => this.receive(message))
    worker.on('error', (error) => this.failAll(new GraphKeepError('INTERNAL', `store worker failed: ${error.message}`)))
    worker.on('exit', () => {
      this.writerGone = true
      this.failAll(storeClosed())
      void this.readers?.close()
    })
  }

  /** Opens (or creates) the store file in a new worker; rejects with the store's typed error. */
  static open(options: WorkerInit, closeLimits: CloseLimits = CLOSE_LIMITS): Promise<StoreHost> {
    const init = { ...options, readerCount: options.readerCount ?? defaultReaderCount(options) }
    const worker = new Worker(workerFile('storeWorker', 'worker.ts'), { workerData: init })
    return new Promise((resolve, reject) => {
      const settle = () => {
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
      }
      // Until it is ready the worker may only answer ready or failed; anything else it says is not an answer.
      const onMessage = (message: WorkerReply) => {
        if (message.kind !== 'ready' && message.kind !== 'failed') return
        settle()
        // Readers open only now, after the writer has finished any restore or migration of the file.
        if (message.kind === 'ready') resolve(new StoreHost(worker, init, closeLimits))
        else reject(GraphKeepError.fromData(message.error))
      }
      const onError = (error: Error) => {
        settle()
        reject(new GraphKeepError('INTERNAL', `store worker failed to start: ${error.message}`))
      }
      const onExit = (code: number) => {
        settle()
        reject(new GraphKeepError('INTERNAL', `store worker ended (exit code ${code}) before the store was open`))
      }
      worker.on('message', onMessage)
      worker.once('error', onError)
      worker.once('exit', onExit)
    })
  }

  /** Every event of the store: dataChanged after writes, progress of long work. */
  onEvent(listener: (event: AppEvent) => void): () => void {
    this.eventListeners.add(listener)
    return () => this.eventListeners.delete(listener)
  }

  onChange(listener: (scopes: DataScope[]) => void): () => void {
    return this.onEvent((event) => {
      if (event.type === 'dataChanged') listener(event.scopes)
    })
  }

  /** Any store call by its contract name, as the handler table makes them. */
  call<M extends StoreMethod>(method: M, input: unknown): Promise<Output<M>> {
    return this.request(method, [input])
  }

  /** Runs before the store closes: the query log writes its last entries, the SQL console ends. */
  whenClosing(task: () => Promise<void> | void): void {
    this.closingTasks.push(task)
  }

  /**
   * Closes the store cleanly, then ends the workers: the closing tasks first (they send their last calls
   * now, before `closed` refuses new ones), then the readers (their calls already made are answered), so
   * that the writer's connection is the last and leaves the WAL checkpointed and gone. A writer that does
   * not answer in time is terminated, and its calls still waiting fail with STORE_CLOSED: close always ends.
   */
  close(): Promise<void> {
    if (!this.closed) {
      const tasks = this.closingTasks.map(runNow)
      const { answerMs, terminateMs } = this.closeLimits
      this.closed = Promise.allSettled(tasks)
        .then(() => within(answerMs, this.readers?.close() ?? Promise.resolve()))
        .then(() => within(answerMs, this.sendToWriter('close', [])))
        .then(() => within(terminateMs, this.worker.terminate()))
        .then(() => this.failAll(storeClosed()))
    }
    return this.closed.then(() => undefined)
  }

  private request(method: HostRequest['method'], args: unknown[]): Promise<never> {
    if (this.closed) return Promise.reject(storeClosed())
    if (this.readers && isReadCall(method)) {
      const answer = this.readers.call(method, args)
      if (answer) return answer as Promise<never>
    }
    return this.sendToWriter(method, args)
  }

  private sendToWriter(method: HostRequest['method'], args: unknown[]): Promise<never> {
    if (this.writerGone) return Promise.reject(storeClosed())
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.worker.postMessage({ id, method, args } satisfies HostRequest)
    })
  }

  private receive(message: WorkerReply): void {
    // Before anyone hears of it: whatever the writer says may follow a commit that the readers must see.
    this.generation.bump()
    if (message.kind === 'event') {
      for (const listener of this.eventListeners) listener(message.event)
      return
    }
    if (message.kind === 'pauseReaders') {
      const paused = this.readers?.pause() ?? Promise.resolve()
      void paused.then(() => this.worker.postMessage({ kind: 'readersPaused', id: message.id } satisfies HostNotice))
      return
    }
    if (message.kind === 'resumeReaders') {
      this.readers?.resume()
      return
    }
    if (message.kind !== 'reply') return
    const pending = this.pending.get(message.id)
    if (!pending) return
    this.pending.delete(message.id)
    if (message.ok) pending.resolve(message.value)
    else pending.reject(GraphKeepError.fromData(message.error as ErrorData))
  }

  private failAll(error: GraphKeepError): void {
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}
