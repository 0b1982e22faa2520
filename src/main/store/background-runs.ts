import { Worker } from 'node:worker_threads'
import { workerFile } from './worker-file.ts'
import type { ReaderInit, WorkerReply } from './worker-protocol.ts'

/** After a failed run, the next waits this long: readers answer without its result meanwhile. */
const RETRY_AFTER_MS = 10_000

export interface BackgroundRunOptions<T> {
  /** What the next run's thread (a reader worker in a role of its own) is started with. */
  workerData: () => ReaderInit
  /** The run's result, when `message` carries it (null: the run failed); undefined for any other message. */
  resultOf: (message: WorkerReply) => T | null | undefined
  /** Each run's result, or null when it failed. */
  publish: (result: T | null) => void
}

/**
 * Work for the readers done in a thread of its own, one run at a time: asks that come during a run make
 * one more run after it, and after a failure the next run waits a while. Stopped while a restore swaps the
 * store file, restarted after.
 */
export class BackgroundRuns<T> {
  private running: Worker | null = null
  private wanted = false
  private failedAt = 0
  private retryPending = false
  private stopped = false
  /** Completed runs, for tests and the benchmark. */
  count = 0
  private readonly options: BackgroundRunOptions<T>

  constructor(options: BackgroundRunOptions<T>) {
    this.options = options
  }

  get busy(): boolean {
    return this.running !== null
  }

  request(): void {
    if (this.stopped) return
    if (this.running) {
      this.wanted = true
      return
    }
    if (Date.now() - this.failedAt < RETRY_AFTER_MS) {
      if (this.retryPending) return
      this.retryPending = true
      setTimeout(() => {
        this.retryPending = false
        this.request()
      }, RETRY_AFTER_MS).unref()
      return
    }
    this.wanted = false
    const worker = new Worker(workerFile('readerWorker', 'reader-worker.ts'), { workerData: this.options.workerData() })
    this.running = worker
    let result: T | null = null
    worker.on('message', (message: WorkerReply) => {
      const carried = this.options.resultOf(message)
      if (carried !== undefined) result = carried
    })
    // A thread that fails ends without a result; 'exit' follows.
    worker.on('error', () => {})
    worker.once('exit', () => {
      if (this.running !== worker) return
      this.running = null
      if (this.stopped) return
      if (result) this.count++
      else this.failedAt = Date.now()
      this.options.publish(result)
      if (this.wanted) this.request()
    })
  }

  /** Ends a running run and starts none until `restart`. */
  async stop(): Promise<void> {
    this.stopped = true
    const worker = this.running
    this.running = null
    if (worker) await worker.terminate()
  }

  restart(): void {
    this.stopped = false
    this.wanted = false
  }
}
