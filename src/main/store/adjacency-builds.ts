import { Worker } from 'node:worker_threads'
import type { SharedBase } from './graph/shared-base.ts'
import { workerFile } from './worker-file.ts'
import type { ReaderInit, WorkerReply } from './worker-protocol.ts'

/** After a failed build, the next waits this long: readers answer from SQL meanwhile. */
const RETRY_AFTER_MS = 10_000

/**
 * Builds the shared adjacency off every reader's thread, one build at a time, and hands each result
 * to `publish`. Readers ask when theirs is missing or too far behind; while a build runs they answer
 * from SQL, so nobody waits for it. The first build after opening may reuse the file kept beside the
 * store; later ones read the store again, since they were asked for because the kept one fell behind.
 */
export class AdjacencyBuilds {
  private running: Worker | null = null
  private wanted = false
  private reuseKept = true
  private failedAt = 0
  private stopped = false
  /** Completed builds, for tests and the benchmark. */
  count = 0

  private readonly init: Omit<ReaderInit, 'role'>
  private readonly publish: (base: SharedBase | null) => void

  constructor(init: Omit<ReaderInit, 'role'>, publish: (base: SharedBase | null) => void) {
    this.init = init
    this.publish = publish
  }

  get building(): boolean {
    return this.running !== null
  }

  request(): void {
    if (this.stopped) return
    if (this.running) {
      this.wanted = true
      return
    }
    if (Date.now() - this.failedAt < RETRY_AFTER_MS) {
      setTimeout(() => this.request(), RETRY_AFTER_MS).unref()
      return
    }
    this.wanted = false
    const worker = new Worker(workerFile('readerWorker', 'reader-worker.ts'), {
      workerData: { ...this.init, role: 'builder', reuseKept: this.reuseKept } satisfies ReaderInit,
    })
    this.running = worker
    let result: SharedBase | null = null
    worker.on('message', (message: WorkerReply) => {
      if (message.kind !== 'built') return
      result = message.base
      if (!result) this.failedAt = Date.now()
    })
    worker.on('error', () => {
      this.failedAt = Date.now()
    })
    worker.once('exit', () => {
      if (this.running !== worker) return
      this.running = null
      if (this.stopped) return
      if (result) {
        this.count++
        this.reuseKept = false
      }
      this.publish(result)
      if (this.wanted) this.request()
    })
  }

  /** Ends a running build and starts none until `restart` (a restore swaps the file meanwhile). */
  async stop(): Promise<void> {
    this.stopped = true
    const worker = this.running
    this.running = null
    if (worker) await worker.terminate()
  }

  /** After a restore: the kept file went with the old store, so the next build reads the new one. */
  restart(): void {
    this.stopped = false
    this.wanted = false
    this.reuseKept = true
  }
}
