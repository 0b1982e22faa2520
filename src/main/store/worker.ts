import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../shared/errors.ts'
import { callByName } from './api.ts'
import { useSqlAdjacency } from './graph/cache.ts'
import { openStore } from './graph-store.ts'
import type { GraphStore, ReaderControl } from './types.ts'
import type { HostNotice, HostRequest, WorkerInit, WorkerReply } from './worker-protocol.ts'
import { logWorkerFailure } from './worker-log.ts'

// The store's own thread: long work here never blocks the window or the server.
const port = parentPort
if (!port) throw new Error('the store worker must run in a worker thread')
const post = (message: WorkerReply) => port.postMessage(message)
const init = workerData as WorkerInit
const pooled = (init.readerCount ?? 0) > 0

// The host's reader pool, stopped and started around a restore.
const pausing = new Map<number, () => void>()
let nextPause = 1
const readers: ReaderControl = {
  pause: () => new Promise<void>((resolve) => {
    const id = nextPause++
    pausing.set(id, resolve)
    post({ kind: 'pauseReaders', id })
  }),
  resume: () => post({ kind: 'resumeReaders' }),
}

// Beside a reader pool the writer answers traversals only while a restore has the readers stopped: from SQL, never building.
if (pooled) useSqlAdjacency()

let store: GraphStore
try {
  store = openStore({ ...init, onEvent: (event) => post({ kind: 'event', event }), readers: pooled ? readers : undefined })
  post({ kind: 'ready' })
} catch (error) {
  logWorkerFailure('the store did not open', error)
  post({ kind: 'failed', error: toErrorData(error) })
  process.exit(0)
}

const failed = (id: number, error: unknown) => {
  const data = toErrorData(error)
  if (data.code === 'INTERNAL') logWorkerFailure(`call ${id} failed`, error)
  post({ kind: 'reply', id, ok: false, error: data })
}

const reply = (id: number, run: () => unknown) => {
  try {
    // Long work (a backup, a restore) returns a promise and yields between its steps.
    Promise.resolve(run()).then(
      (value) => post({ kind: 'reply', id, ok: true, value }),
      (error) => failed(id, error),
    )
  } catch (error) {
    failed(id, error)
  }
}

port.on('message', (message: HostRequest | HostNotice) => {
  if ('kind' in message) {
    if (message.kind === 'readersPaused') pausing.get(message.id)?.()
    pausing.delete((message as { id?: number }).id ?? -1)
    return
  }
  const { id, method, args } = message
  if (method === 'close') {
    reply(id, () => store.close())
    setImmediate(() => port.close())
    return
  }
  reply(id, () => callByName(store, method, args))
})
