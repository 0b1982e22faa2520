import { parentPort, workerData } from 'node:worker_threads'
import { toErrorData } from '../../shared/errors.ts'
import { openStore } from './graph-store.ts'
import type { GraphStore } from './types.ts'
import type { HostRequest, WorkerInit, WorkerReply } from './worker-protocol.ts'

// The store's own thread: long work here never blocks the window or the server.
const port = parentPort
if (!port) throw new Error('the store worker must run in a worker thread')
const post = (message: WorkerReply) => port.postMessage(message)

let store: GraphStore
try {
  store = openStore({ ...(workerData as WorkerInit), onChange: (scopes) => post({ kind: 'changed', scopes }) })
  post({ kind: 'ready' })
} catch (error) {
  post({ kind: 'failed', error: toErrorData(error) })
  process.exit(0)
}

port.on('message', ({ id, method, args }: HostRequest) => {
  try {
    if (method === 'close') {
      store.close()
      post({ kind: 'reply', id, ok: true, value: null })
      port.close()
      return
    }
    const fn = store[method] as (...a: unknown[]) => unknown
    post({ kind: 'reply', id, ok: true, value: fn.apply(store, args) })
  } catch (error) {
    post({ kind: 'reply', id, ok: false, error: toErrorData(error) })
  }
})
