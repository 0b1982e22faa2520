import { Worker } from 'node:worker_threads'
import { GraphKeepError } from '../../../shared/errors.ts'
import { workerFile } from '../worker-file.ts'
import { answerInsert, type InsertReply, type InsertRequest } from './insert-protocol.ts'
import { NewStoreFile } from './new-store-file.ts'

type Request = InsertRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

/** Where the rows of an import into a new file are written: a thread of its own, or this one for a small file. */
export interface InsertSink {
  readonly batchId: number | null
  request<T = unknown>(message: Request): Promise<T>
  /** Resolves once the file is closed (after close or abandon). */
  ended(): Promise<void>
  /** Stops writing whatever is under way (the file is about to be deleted). */
  terminate(): Promise<void>
}

/** A small file: starting a thread would cost more than it saves, so the same requests run here. */
export class InsertHere implements InsertSink {
  private readonly file: NewStoreFile

  constructor(path: string) {
    this.file = new NewStoreFile(path)
  }

  get batchId(): number | null {
    return this.file.batchId
  }

  request<T = unknown>(message: Request): Promise<T> {
    try {
      return Promise.resolve(answerInsert(this.file, { ...message, id: 0 } as InsertRequest) as T)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  ended(): Promise<void> {
    return Promise.resolve()
  }

  terminate(): Promise<void> {
    this.file.abandon()
    return Promise.resolve()
  }
}

/** The import worker, seen from the store's worker: requests answered in order; a dead worker fails every pending one. */
export class InsertThread implements InsertSink {
  private readonly worker: Worker
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
  private nextId = 1
  private failure: unknown = null
  private readonly exited: Promise<void>
  batchId: number | null = null

  constructor(file: string) {
    this.worker = new Worker(workerFile('importWorker', 'transfer/import-worker.ts'), { workerData: { file } })
    this.worker.on('message', (reply: InsertReply) => {
      const waiting = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      if (reply.ok) {
        this.batchId = reply.batchId
        waiting?.resolve(reply.value)
      } else waiting?.reject(GraphKeepError.fromData(reply.error))
    })
    this.worker.on('error', (error) => this.fail(error))
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    void this.exited.then(() => this.fail(new GraphKeepError('INTERNAL', 'the import worker stopped')))
  }

  request<T = unknown>(message: Request): Promise<T> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.worker.postMessage({ ...message, id } as InsertRequest)
    })
  }

  /** Resolves once the worker has ended (after close or abandon, or at once when it failed). */
  ended(): Promise<void> {
    return this.exited
  }

  /** Ends the worker whatever it is doing (its file is about to be deleted). */
  async terminate(): Promise<void> {
    await this.worker.terminate()
  }

  private fail(error: unknown): void {
    this.failure ??= error
    for (const { reject } of this.pending.values()) reject(this.failure)
    this.pending.clear()
  }
}
