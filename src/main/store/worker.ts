import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../shared/errors.ts'
import { callByName } from './api.ts'
import { openStore } from './graph-store.ts'
import type { GraphStore } from './types.ts'
import type { HostRequest, WorkerInit, WorkerReply } from './worker-protocol.ts'
import { logWorkerFailure } from './worker-log.ts'

// The store's own thread: long work here never blocks the window or the server.
const port = parentPort
if (!port) throw new Error('the store worker must run in a worker thread')
const post = (message: WorkerReply) => port.postMessage(message)

let store: GraphStore
try {
  store = openStore({ ...(workerData as WorkerInit), onEvent: (event) => post({ kind: 'event', event }) })
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

port.on('message', ({ id, method, args }: HostRequest) => {
  if (method === 'close') {
    reply(id, () => store.close())
    setImmediate(() => port.close())
    return
  }
  reply(id, () => callByName(store, method, args))
})
