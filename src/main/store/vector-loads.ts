import { Worker } from 'node:worker_threads'
import type { SharedModelVectors } from './vectors/shared-vectors.ts'
import { workerFile } from './worker-file.ts'
import type { ReaderInit, WorkerReply } from './worker-protocol.ts'

/** After a failed load, the next waits this long: readers answer from the stored chunks meanwhile. */
const RETRY_AFTER_MS = 10_000

/**
 * Loads every model's vectors into shared memory in a thread of its own, one load at a time, and hands
 * each result to `publish` (the readers then use the same arrays). Asked at open and whenever a reader
 * finds its copy behind the store; asks that come during a load make one more load after it.
 */
export class VectorLoads {
  private running: Worker | null = null
  private wanted = false
  private failedAt = 0
  private stopped = false
  /** Completed loads, for tests and the benchmark. */
  count = 0

  private readonly init: Omit<ReaderInit, 'role'>
  private readonly publish: (models: SharedModelVectors[] | null) => void

  constructor(init: Omit<ReaderInit, 'role'>, publish: (models: SharedModelVectors[] | null) => void) {
    this.init = init
    this.publish = publish
  }

  get loading(): boolean {
    return this.running !== null
  }

  request(): void {
    if (this.stopped) return
    if (this.running) {
      this.wanted = true
      return
    }
    if (Date.now() - this.failedAt < RETRY_AFTER_MS) return
    this.wanted = false
    const worker = new Worker(workerFile('readerWorker', 'reader-worker.ts'), { workerData: { ...this.init, role: 'vectors' } satisfies ReaderInit })
    this.running = worker
    let result: SharedModelVectors[] | null = null
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'vectorsLoaded') result = message.models
    })
    worker.on('error', () => {})
    worker.once('exit', () => {
      if (this.running !== worker) return
      this.running = null
      if (this.stopped) return
      if (result) this.count++
      else this.failedAt = Date.now()
      this.publish(result)
      if (this.wanted) this.request()
    })
  }

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
