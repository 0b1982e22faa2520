import { mkdirSync, rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { workerFile } from '../worker-file.ts'
import { buildFileOf, vectorsFolder } from './index-files.ts'
import type { ModelVectors } from './model-vectors.ts'

/** What the builder thread is given: a copy of the vectors by position (node id 0: a free position). */
export interface IndexBuildInit {
  dim: number
  data: Float32Array
  nodeIds: Float64Array
  builtPath: string
}

export type IndexBuildReply = { kind: 'progress'; done: number } | { kind: 'built'; seconds: number } | { kind: 'failed'; message: string }

/** A finished build: its index file, and the (node id, stamp) by position of the vectors it holds. */
export interface BuiltIndex {
  builtPath: string
  nodeIds: Float64Array
  stamps: Float64Array
  seconds: number
}

export interface IndexBuild {
  /** The build, or null when it failed, was cancelled or went silent (its file then removed). Always settles. */
  finished: Promise<BuiltIndex | null>
  cancel(): void
}

/**
 * A build thread that says nothing for this long is taken as stuck: it is terminated and its build
 * counts as failed. It reports after every batch (index-build-worker.ts), well under a second each.
 */
export const BUILD_SILENCE_MS = 120_000

let builds = 0

/**
 * Builds a model's index in a worker thread of its own from a snapshot of its vectors (copied once,
 * then moved to the thread): the writer goes on taking writes, which the index catches up with by
 * their stamps once it is installed.
 */
export function startIndexBuild(
  storeFile: string, vectors: ModelVectors, onProgress: (done: number) => void, silenceMs = BUILD_SILENCE_MS,
): IndexBuild {
  const { dim, length } = vectors
  const nodeIds = vectors.nodeIds.slice(0, length)
  const stamps = vectors.stamps.slice(0, length)
  const data = vectors.data.slice(0, length * dim)
  const builtPath = buildFileOf(storeFile, vectors.modelId, `${process.pid}-${++builds}`)
  mkdirSync(vectorsFolder(storeFile), { recursive: true })
  const worker = new Worker(workerFile('vectorIndexWorker', 'vectors/index-build-worker.ts'), {
    workerData: { dim, data, nodeIds: nodeIds.slice(), builtPath } satisfies IndexBuildInit,
    transferList: [data.buffer],
  })
  let stopped = false
  let seconds: number | null = null
  let settle: (built: BuiltIndex | null) => void = () => undefined
  const finished = new Promise<BuiltIndex | null>((resolve) => (settle = resolve))
  // Whoever stops it is not kept waiting for its exit: a thread inside native code exits only when that returns.
  const stop = () => {
    if (stopped) return
    stopped = true
    clearTimeout(silence)
    settle(null)
    void worker.terminate()
  }
  const silence = setTimeout(stop, silenceMs)
  silence.unref()
  worker.on('message', (message: IndexBuildReply) => {
    if (stopped) return
    silence.refresh()
    if (message.kind === 'progress') onProgress(message.done)
    if (message.kind === 'built') seconds = message.seconds
  })
  // A failed build ends like a cancelled one: no index, its file removed; 'exit' follows.
  worker.on('error', () => undefined)
  worker.once('exit', () => {
    clearTimeout(silence)
    if (stopped || seconds === null) {
      rmSync(builtPath, { force: true })
      stopped = true
      settle(null)
    } else settle({ builtPath, nodeIds, stamps, seconds })
  })
  return { finished, cancel: stop }
}
