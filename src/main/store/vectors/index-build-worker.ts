import { parentPort, workerData } from 'node:worker_threads'
import { newUsearchIndex } from './hnsw-settings.ts'
import type { IndexBuildInit, IndexBuildReply } from './index-build.ts'

// Builds a model's HNSW index in a thread of its own, from a snapshot of its vectors, and saves it to
// the file it was given: the writer and the readers go on answering meanwhile.
const port = parentPort
if (!port) throw new Error('the index builder must run in a worker thread')
const post = (message: IndexBuildReply) => port.postMessage(message)
const init = workerData as IndexBuildInit

/** Big enough for usearch to spread a batch over its threads, small enough for steady progress. */
const BATCH = 4096

try {
  const started = performance.now()
  const { dim, data, nodeIds } = init
  const index = newUsearchIndex(dim)
  let done = 0
  for (let from = 0; from < nodeIds.length; from += BATCH) {
    const to = Math.min(nodeIds.length, from + BATCH)
    const keys: bigint[] = []
    const rows = new Float32Array((to - from) * dim)
    for (let position = from; position < to; position++) {
      if (nodeIds[position] === 0) continue
      rows.set(data.subarray(position * dim, (position + 1) * dim), keys.length * dim)
      keys.push(BigInt(nodeIds[position] as number))
    }
    if (keys.length) index.add(BigUint64Array.from(keys), rows.subarray(0, keys.length * dim), 0)
    done += keys.length
    post({ kind: 'progress', done })
  }
  index.save(init.builtPath)
  post({ kind: 'built', seconds: (performance.now() - started) / 1000 })
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
} finally {
  port.close()
}
