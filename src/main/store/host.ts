import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { GraphKeepError, type ErrorData } from '../../shared/errors.ts'
import type { AppEvent, DataScope } from '../../shared/events.ts'
import type { Output } from '../../shared/contract.ts'
import type { StoreMethod } from './api.ts'
import type { RemoteStore } from './types.ts'
import type { HostRequest, WorkerInit, WorkerReply } from './worker-protocol.ts'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/** The built bundle has storeWorker.js beside it; from source, Node runs worker.ts directly. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const built = join(here, 'storeWorker.js')
  return existsSync(built) ? built : join(here, 'worker.ts')
}

function runNow(task: () => Promise<void> | void): Promise<void> {
  try {
    return Promise.resolve(task())
  } catch (error) {
    return Promise.reject(error)
  }
}

/** Runs the graph store in a worker thread and gives async, typed access to it. */
export class StoreHost {
  readonly store: RemoteStore
  readonly file: string
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private readonly eventListeners = new Set<(event: AppEvent) => void>()
  private nextId = 1
  private closed: Promise<void> | null = null
  private readonly closingTasks: (() => Promise<void> | void)[] = []

  private constructor(worker: Worker, file: string) {
    this.worker = worker
    this.file = file
    // store.nodes.get(input) sends 'nodes.get'; 'then' stays undefined so that awaiting a proxy does not call the worker.
    const domain = (name: string) =>
      new Proxy({}, { get: (_target, verb) => (verb === 'then' || typeof verb !== 'string' ? undefined : (...args: unknown[]) => this.request(`${name}.${verb}`, args)) })
    this.store = new Proxy({} as RemoteStore, {
      get: (_target, name) => (name === 'then' || typeof name !== 'string' ? undefined : domain(name)),
    })
    worker.on('message', (message: WorkerReply) => this.receive(message))
    worker.on('error', (error) => this.failAll(new GraphKeepError('INTERNAL', `store worker failed: ${error.message}`)))
    worker.on('exit', () => this.failAll(new GraphKeepError('STORE_CLOSED', 'the store is closed')))
  }

  /** Opens (or creates) the store file in a new worker; rejects with the store's typed error. */
  static open(init: WorkerInit): Promise<StoreHost> {
    const worker = new Worker(workerFile(), { workerData: init })
    return new Promise((resolve, reject) => {
      const onFirst = (message: WorkerReply) => {
        worker.off('error', onError)
        if (message.kind === 'ready') resolve(new StoreHost(worker, init.file))
        else if (message.kind === 'failed') reject(GraphKeepError.fromData(message.error))
      }
      const onError = (error: Error) => reject(new GraphKeepError('INTERNAL', `store worker failed to start: ${error.message}`))
      worker.once('message', onFirst)
      worker.once('error', onError)
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

  /** Closes the store cleanly (checkpoint and close in the worker), then ends the worker. */
  close(): Promise<void> {
    // The tasks run (and send their last calls) now, before `closed` is set, which refuses new calls.
    const tasks = this.closed ? [] : this.closingTasks.map(runNow)
    this.closed ??= Promise.allSettled(tasks).then(() => this.request('close', [])).then(
      () => undefined,
      () => undefined,
    ).finally(() => this.worker.terminate())
    return this.closed.then(() => undefined)
  }

  private request(method: HostRequest['method'], args: unknown[]): Promise<never> {
    if (this.closed && method !== 'close') return Promise.reject(new GraphKeepError('STORE_CLOSED', 'the store is closed'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.worker.postMessage({ id, method, args } satisfies HostRequest)
    })
  }

  private receive(message: WorkerReply): void {
    if (message.kind === 'event') {
      for (const listener of this.eventListeners) listener(message.event)
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
